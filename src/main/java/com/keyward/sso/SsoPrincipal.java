package com.keyward.sso;

import com.keyward.security.SignedInUser;
import jakarta.annotation.Nullable;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in through the SSO provider: Keyward's principal (the account as it is now)
 * that still carries the provider's ID token, so that signing out can end the provider's session
 * too (RP-initiated logout).
 */
class SsoPrincipal extends SignedInUser implements OidcUser {

    private static final long serialVersionUID = 1L;

    private final OidcUser provided;
    private final String registrationId;

    SsoPrincipal(SignedInUser account, OidcUser provided, String registrationId) {
        super(
                account.id(),
                account.getUsername(),
                account.displayName(),
                "",
                account.credentialsVersion(),
                account.isEnabled(),
                account.isAccountNonExpired(),
                account.isAccountNonLocked(),
                account.getAuthorities());
        this.provided = provided;
        this.registrationId = registrationId;
    }

    @Override
    public Authentication renewedWith(SignedInUser fresh, Authentication previous) {
        SsoPrincipal renewed = new SsoPrincipal(fresh, provided, registrationId);
        var token = new OAuth2AuthenticationToken(renewed, renewed.getAuthorities(), registrationId);
        token.setDetails(previous.getDetails());
        return token;
    }

    @Override
    public Map<String, Object> getClaims() {
        return provided.getClaims();
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return provided.getUserInfo();
    }

    @Override
    public OidcIdToken getIdToken() {
        return provided.getIdToken();
    }

    @Override
    public Map<String, Object> getAttributes() {
        return provided.getAttributes();
    }

    @Override
    public String getName() {
        return getUsername();
    }
}
