package com.keyward.apikey;

import com.keyward.security.SignedInUser;
import java.util.Collection;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request authenticated by an API key acts as the key's owner (so every service check applies
 * unchanged), limited further to the key's API sets.
 */
public class ApiKeyPrincipal extends SignedInUser {

    private final long keyId;
    private final Set<String> apiSetCodes;
    private final Set<String> pendingSetCodes;

    public ApiKeyPrincipal(
            long keyId,
            Set<String> apiSetCodes,
            Set<String> pendingSetCodes,
            long ownerId,
            String username,
            String displayName,
            Collection<? extends GrantedAuthority> authorities) {
        super(ownerId, username, displayName, "", true, true, true, authorities);
        this.keyId = keyId;
        this.apiSetCodes = Set.copyOf(apiSetCodes);
        this.pendingSetCodes = Set.copyOf(pendingSetCodes);
    }

    /** Built from a lookup at most the credential cache's bound old, with the owner's state checked. */
    @Override
    protected boolean checkedForThisRequest() {
        return true;
    }

    public long keyId() {
        return keyId;
    }

    public Set<String> apiSetCodes() {
        return apiSetCodes;
    }

    /** The key's sets that await an approver: not unlocked, answered "awaiting approval". */
    public Set<String> pendingSetCodes() {
        return pendingSetCodes;
    }
}
