package com.keyward.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in person: Spring's user plus the account id and display name. */
public class SignedInUser extends User {

    private final long id;
    private final String displayName;

    public SignedInUser(
            long id,
            String username,
            String displayName,
            String passwordHash,
            boolean enabled,
            boolean accountNonExpired,
            boolean accountNonLocked,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, passwordHash, enabled, accountNonExpired, true, accountNonLocked, authorities);
        this.id = id;
        this.displayName = displayName;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Whether this principal was built from the account's current state for the request at hand
     * (an API key's owner is), so that {@link CurrentUser} need not read the account again.
     */
    protected boolean checkedForThisRequest() {
        return false;
    }
}
