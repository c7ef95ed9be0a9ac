package com.keyward.role;

import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading roles needs View Roles. */
@Service
@Transactional(readOnly = true)
public class RoleService {

    private final RoleRepository roles;
    private final CurrentUser currentUser;

    public RoleService(RoleRepository roles, CurrentUser currentUser) {
        this.roles = roles;
        this.currentUser = currentUser;
    }

    public int count() {
        requireViewRoles();
        return roles.count();
    }

    public List<RoleSummary> page(int offset, int limit) {
        requireViewRoles();
        return roles.findPage(offset, limit);
    }

    private void requireViewRoles() {
        if (!currentUser.hasAuthority(Authorities.VIEW_ROLES)) {
            throw new AccessDeniedException("Viewing roles needs the View Roles authority");
        }
    }
}
