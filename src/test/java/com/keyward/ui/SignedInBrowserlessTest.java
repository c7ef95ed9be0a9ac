package com.keyward.ui;

import com.keyward.user.NewUser;
import com.keyward.user.UserRepository;
import com.keyward.user.UserStatus;
import com.vaadin.browserless.SpringBrowserlessTest;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Browserless UI tests signed in as a real account: the principal and its authorities are
 * loaded exactly as at sign-in, from the real database.
 */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

    /** A person who can sign in but holds no role, so no authority at all. */
    protected static final String NO_ROLES = "nora";

    @Autowired protected UserDetailsService userDetailsService;
    @Autowired protected UserRepository userRepository;
    @Autowired protected PasswordEncoder passwordEncoder;

    protected void signInAs(String username) {
        if (NO_ROLES.equals(username) && userRepository.findIdByUsername(NO_ROLES).isEmpty()) {
            userRepository.insert(new NewUser(NO_ROLES, "Nora Noroles", "nora@example.com", UserStatus.ENABLED, null,
                    passwordEncoder.encode(NO_ROLES)), Instant.now());
        }
        UserDetails user = userDetailsService.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
