package com.keyward.security;

import java.util.Collection;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in person: Spring's user plus the account id and display name. */
public class SignedInUser extends User {

    private final long id;
    private final String displayName;
    private final int credentialsVersion;

    public SignedInUser(
            long id,
            String username,
            String displayName,
            String passwordHash,
            boolean enabled,
            boolean accountNonExpired,
            boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        this(id, username, displayName, passwordHash, 0, enabled, accountNonExpired, accountNonLocked, authorities);
    }

    /**
     * @param credentialsVersion counts the account's password changes and resets: a session
     *     signed in under an older one has ended
     */
    public SignedInUser(
            long id,
            String username,
            String displayName,
            String passwordHash,
            int credentialsVersion,
            boolean enabled,
            boolean accountNonExpired,
            boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, accountNonExpired, true, accountNonLocked, authorities);
        this.id = id;
        this.displayName = displayName;
        this.credentialsVersion = credentialsVersion;
    }

    public int credentialsVersion() {
        return credentialsVersion;
    }

    /** The same person under a newer credentials version (after they changed their own password). */
    SignedInUser withCredentialsVersion(int version) {
        return new SignedInUser(
                id,
                getUsername(),
                displayName,
                "",
                version,
                isEnabled(),
                isAccountNonExpired(),
                isAccountNonLocked(),
                getAuthorities());
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * This session's sign-in carried on with the account as it is now: how it signed in (a form,
     * or an SSO provider whose session the sign-out also ends) stays what it was.
     */
    public Authentication renewedWith(SignedInUser fresh, Authentication previous) {
        var token = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        token.setDetails(previous.getDetails());
        return token;
    }

    /**
     * Whether this principal was built from the account's current state for the request at hand
     * (an API key's owner is), so that {@link CurrentUser} need not read the account again.
     */
    protected boolean checkedForThisRequest() {
        return false;
    }
}
