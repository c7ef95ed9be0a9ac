package com.keyward.ui;

import com.keyward.TestAccounts;
import com.keyward.role.RoleFixtures;
import com.keyward.user.NewUser;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Browserless UI tests signed in as a real account: the principal and its authorities are
 * loaded exactly as at sign-in, from the real database.
 */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

    /** A person who can sign in but holds no role, so no authority at all. */
    protected static final String NO_ROLES = "nora";

    @Autowired
    protected UserFixtures userRepository;

    @Autowired
    protected PasswordEncoder passwordEncoder;

    @Autowired
    protected RoleFixtures roleRepository;

    @Autowired
    private TestAccounts accounts;

    protected TestAccounts accounts() {
        return accounts;
    }

    protected void signInAs(String username) {
        if (NO_ROLES.equals(username)
                && userRepository.findIdByUsername(NO_ROLES).isEmpty()) {
            userRepository.insert(
                    new NewUser(
                            NO_ROLES,
                            "Nora Noroles",
                            "nora@example.com",
                            UserStatus.ENABLED,
                            null,
                            passwordEncoder.encode(NO_ROLES)),
                    Instant.now());
        }
        accounts().signInAs(username);
    }
}
