package com.keyward.sso;

import com.keyward.security.Principals;
import com.keyward.security.SignedInUser;
import com.keyward.user.AccountSource;
import com.keyward.user.ExternalAccounts;
import com.keyward.user.ExternalPerson;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After the provider vouched for someone (Spring Security checked the code exchange, PKCE, state,
 * nonce and the ID token's signature): their Keyward account is made or refreshed from the
 * claims (source SSO: username, name, email, mapped groups), then Keyward's own status applies.
 * The account is the one bound to the token's (iss, sub): another subject asserting its username
 * (or a name with the same key) is refused and audited, and never changes it.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error codes of a refused SSO sign-in that the sign-in page explains. */
    static final String NO_USERNAME = "keyward_no_username";

    static final String USERNAME_TAKEN = "keyward_username_taken";
    static final String USERNAME_BOUND = "keyward_username_bound";
    static final String NOT_ALLOWED = "keyward_account_not_allowed";

    private static final Logger log = LoggerFactory.getLogger(SsoUserService.class);

    private final OidcUserService provider = new OidcUserService();
    private final SsoProperties properties;
    private final ExternalAccounts accounts;
    private final Principals principals;

    SsoUserService(SsoProperties properties, ExternalAccounts accounts, Principals principals) {
        this.properties = properties;
        this.accounts = accounts;
        this.principals = principals;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser provided = provider.loadUser(request);
        Object claim = provided.getClaims().get(properties.usernameClaim());
        if (!(claim instanceof String username) || username.isBlank()) {
            throw refused(NO_USERNAME, "The provider's token has no " + properties.usernameClaim() + " claim");
        }
        String name = provided.getFullName() == null ? username : provided.getFullName();
        String email = provided.getEmail() == null ? "" : provided.getEmail();
        String issuer = String.valueOf(provided.getIdToken().getIssuer());
        ExternalAccounts.Presence presence = accounts.present(
                AccountSource.SSO,
                new ExternalPerson(issuer, provided.getSubject(), username, name, email, roles(provided)));
        String handle = switch (presence) {
            case ExternalAccounts.Admitted admitted -> admitted.username();
            case ExternalAccounts.Rejected rejected -> {
                log.warn("SSO sign-in refused: the asserted username belongs to another account ({})", rejected.why());
                throw rejected.why() == ExternalAccounts.Why.OTHER_SOURCE
                        ? refused(USERNAME_TAKEN, "The username belongs to an account of another source")
                        : refused(USERNAME_BOUND, "The username belongs to an account bound to another subject");
            }
        };
        SignedInUser account = principals.current(handle).orElseThrow(() -> refused(NOT_ALLOWED, "No account"));
        try {
            new AccountStatusUserDetailsChecker().check(account);
        } catch (AccountStatusException notAllowed) {
            throw refused(NOT_ALLOWED, String.valueOf(notAllowed.getMessage()));
        }
        return new SsoPrincipal(
                account, provided, request.getClientRegistration().getRegistrationId());
    }

    private Set<String> roles(OidcUser provided) {
        Set<String> roles = new TreeSet<>();
        if (provided.getClaims().get(properties.groupsClaim()) instanceof Collection<?> groups) {
            for (Object group : groups) {
                String role = properties.groupRoles().get(String.valueOf(group));
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static OAuth2AuthenticationException refused(String code, String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, why, null), why);
    }
}
