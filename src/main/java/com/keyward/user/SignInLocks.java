package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in bookkeeping: the last sign-in, and the end of the locks that failed sign-ins took
 * before version 21. Failed sign-ins lock nothing any more (issue 30: five requests by a stranger
 * kept any account, the only Admin's included, locked for good): they are throttled per account
 * and client address before the password is checked ({@code security.SignInThrottle}). Accounts
 * an administrator disabled stay disabled.
 */
@Service
class SignInLocks {

    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SignInLocks(UserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @RetriedOnConflict
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            users.lockStateForUpdate(user.getUsername())
                    .filter(state -> state.status() == UserStatus.LOCKED)
                    .ifPresent(this::lockRanOut);
            users.recordSuccessfulSignIn(user.id(), Instant.now(clock));
        }
    }

    /** Unlocks, and audits, the accounts whose lock has run out (they could sign in already). */
    @Scheduled(fixedDelayString = "${keyward.sign-in.lock-sweep:PT15S}")
    // one node at a time: two would audit the same lock ending twice
    @SchedulerLock(name = "sign-in-lock-sweep", lockAtMostFor = "PT1M")
    @RetriedOnConflict
    @Transactional
    public void endExpiredLocks() {
        users.expiredLocksForUpdate(clock.instant()).forEach(this::lockRanOut);
    }

    private void lockRanOut(UserRepository.LockState state) {
        users.endLock(state.id());
        events.publishEvent(new AccountStatusChanged(
                state.id(), state.username(), UserStatus.LOCKED, UserStatus.ENABLED, false, null, 0));
    }
}
