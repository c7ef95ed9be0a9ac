package com.keyward;

import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.NewApiKey;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Principals;
import com.keyward.security.SignedInUser;
import com.keyward.user.NewUser;
import com.keyward.user.UserFixtures;
import com.keyward.user.UserStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts made for one test, and signing in as them (or as a persona) on the current thread. */
@Component
public record TestAccounts(
        UserFixtures users,
        RoleFixtures roles,
        Principals principals,
        PasswordEncoder passwordEncoder,
        TransactionTemplate transaction,
        ApiKeyService keys) {

    /** A new enabled user holding a new role with these authorities; password = username. */
    public String create(String prefix, List<String> authorities) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            long user = users.insert(
                    new NewUser(
                            username,
                            "Test " + prefix,
                            username + "@example.com",
                            UserStatus.ENABLED,
                            null,
                            passwordEncoder.encode(username)),
                    Instant.now());
            long role = roles.create("role of " + username, null, authorities, Instant.now());
            roles.assign(user, role);
        });
        return username;
    }

    public long roleOf(String username) {
        return roles.findIdByName("role of " + username).orElseThrow();
    }

    public long idOf(String username) {
        return users.findIdByUsername(username).orElseThrow();
    }

    /**
     * A key of the owner's for these API sets, valid 30 days, generated through the service as
     * the owner would; the thread is signed out again afterwards.
     */
    public GeneratedApiKey keyOf(String owner, String... apiSets) {
        signInAs(owner);
        try {
            return keys.generate(new NewApiKey(
                    "test key " + System.nanoTime(),
                    null,
                    Set.of(apiSets),
                    Instant.now().plus(Duration.ofDays(30))));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Any account, local or from the directory, as its sign-in would make it. */
    public void signInAs(String username) {
        SignedInUser user = principals.current(username).orElseThrow();
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
