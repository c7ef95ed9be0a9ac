package com.keyward.user;

import com.keyward.role.EnabledAccounts;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** The user module's answer to the role module: which accounts are enabled. */
@Component
class EnabledAccountsOfUsers implements EnabledAccounts {

    private final UserRepository users;

    EnabledAccountsOfUsers(UserRepository users) {
        this.users = users;
    }

    @Override
    public int countEnabled(Collection<Long> userIds) {
        return userIds.isEmpty() ? 0 : users.countEnabled(userIds);
    }
}
