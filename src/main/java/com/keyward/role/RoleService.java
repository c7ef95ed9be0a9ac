package com.keyward.role;

import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading roles needs View Roles. */
@Service
@Transactional(readOnly = true)
public class RoleService {

    private static final String VIEW_ROLES_NEEDED = "Viewing roles needs the View Roles authority";

    private final RoleRepository roles;
    private final CurrentUser currentUser;

    public RoleService(RoleRepository roles, CurrentUser currentUser) {
        this.roles = roles;
        this.currentUser = currentUser;
    }

    public int count() {
        currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        return roles.count();
    }

    public List<RoleSummary> page(int offset, int limit) {
        currentUser.requireAuthority(Authorities.VIEW_ROLES, VIEW_ROLES_NEEDED);
        return roles.findPage(offset, limit);
    }
}
