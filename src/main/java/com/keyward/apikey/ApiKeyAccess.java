package com.keyward.apikey;

import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import org.springframework.stereotype.Service;

/**
 * Who may see the API Keys section of User Account Details: an Admin, or whoever holds the
 * Manage User API Key authority (Admin holds it through the authority tree).
 */
@Service
public class ApiKeyAccess {

    private final CurrentUser currentUser;

    public ApiKeyAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public boolean maySeeApiKeysSection() {
        return currentUser.hasAuthority(Authorities.MANAGE_USER_API_KEY);
    }
}
