package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.AccountChanged;
import com.keyward.security.SignedInUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in bookkeeping: the last sign-in, and the consecutive failures that lock an account
 * for a while — {@code keyward.sign-in.lock-duration} (15 minutes), doubling with each further
 * lock before a successful sign-in, at most {@code keyward.sign-in.lock-duration-max} (24 hours).
 * Locks and their ends are audited.
 */
@Service
class SignInLocks {

    private static final Logger log = LoggerFactory.getLogger(SignInLocks.class);

    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int lockThreshold;
    private final Duration lockDuration;
    private final Duration lockDurationMax;

    SignInLocks(
            UserRepository users,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${keyward.sign-in.lock-threshold:5}") int lockThreshold,
            @Value("${keyward.sign-in.lock-duration:PT15M}") Duration lockDuration,
            @Value("${keyward.sign-in.lock-duration-max:PT24H}") Duration lockDurationMax) {
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lockThreshold = lockThreshold;
        this.lockDuration = lockDuration;
        this.lockDurationMax = lockDurationMax;
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

    /**
     * Counts a failed password. The threshold locks the account; failures while it is locked
     * change nothing (the lock is not prolonged); after a lock ran out, counting starts again.
     */
    @EventListener
    @RetriedOnConflict
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null) {
            return;
        }
        Instant now = clock.instant();
        users.lockStateForUpdate(username).ifPresent(state -> {
            if (state.lockedAt(now)) {
                return;
            }
            int failed = state.failedSignIns() + 1;
            if (state.status() == UserStatus.LOCKED) {
                lockRanOut(state);
                failed = 1;
            }
            if (failed < lockThreshold || state.status().disabled()) {
                users.setFailedSignIns(state.id(), failed);
                return;
            }
            int locks = state.lockCount() + 1;
            Duration duration = lockDuration(locks);
            users.lock(state.id(), failed, locks, now.plus(duration));
            events.publishEvent(new AccountStatusChanged(
                    state.id(), state.username(), state.status(), UserStatus.LOCKED, false, duration, failed));
            events.publishEvent(new AccountChanged(state.username()));
            log.warn("Account locked for {} after {} consecutive failed sign-ins", duration, failed);
        });
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

    /** The base duration, doubled for each earlier lock, capped. */
    Duration lockDuration(int locks) {
        Duration duration = lockDuration.multipliedBy(1L << Math.min(locks - 1, 20));
        return duration.compareTo(lockDurationMax) > 0 ? lockDurationMax : duration;
    }
}
