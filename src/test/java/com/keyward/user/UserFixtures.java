package com.keyward.user;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What tests outside the user module may do to accounts behind the application's back (as
 * another instance, or an operator, would): the module's repository itself stays its own.
 */
@Component
public class UserFixtures {

    /** An account's state as the tests look at it. */
    public record Account(long id, String username, UserStatus status) {}

    /** An account's lock. */
    public record Lock(UserStatus status, Instant lockedUntil) {}

    private final UserRepository users;

    UserFixtures(UserRepository users) {
        this.users = users;
    }

    public long insert(NewUser user, Instant createdAt) {
        return users.insert(user, createdAt);
    }

    public Optional<Long> findIdByUsername(String username) {
        return users.findIdByUsername(username);
    }

    public Optional<SignInAccount> findSignInAccount(String username) {
        return users.findSignInAccount(username);
    }

    public Optional<Account> findAccount(String username) {
        return users.findAccount(username).map(a -> new Account(a.id(), a.username(), a.status()));
    }

    public Optional<Account> findAccountById(long id) {
        return users.findAccountById(id).map(a -> new Account(a.id(), a.username(), a.status()));
    }

    public Optional<Lock> lockStateForUpdate(String username) {
        return users.lockStateForUpdate(username).map(state -> new Lock(state.status(), state.lockedUntil()));
    }

    public int failedSignIns(String username) {
        return users.failedSignIns(username);
    }

    public void setStatus(long userId, UserStatus status) {
        users.setStatus(userId, status);
    }

    public void lock(long userId, int failed, int lockCount, Instant until) {
        users.lock(userId, failed, lockCount, until);
    }
}
