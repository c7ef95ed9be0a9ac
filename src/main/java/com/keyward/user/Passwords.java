package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.db.RetriedTransactions;
import com.keyward.security.AccountChanged;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.security.Throttle;
import com.keyward.validation.Message;
import com.keyward.validation.Usernames;
import com.keyward.validation.ValidationException;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A person's own password: set through a one-time link, or changed when signed in (the current
 * password first). Either way every other session of theirs ends, on every node.
 */
@Service
public class Passwords {

    static final String LINK_GONE = "setpassword.gone";

    private final UserRepository users;
    private final PasswordLinks links;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RetriedTransactions transaction;
    /** Wrong current passwords per account and session: an open session someone found guesses slowly. */
    private final Throttle currentPasswordGuesses;

    Passwords(
            UserRepository users,
            PasswordLinks links,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock,
            RetriedTransactions transaction,
            ProxyManager<String> buckets) {
        this.users = users;
        this.links = links;
        this.policy = policy;
        this.encoder = encoder;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.transaction = transaction;
        this.currentPasswordGuesses = new Throttle(buckets, "current-password", 5, Duration.ofMinutes(15));
    }

    /** The username a valid link is for: all the public set-password page may show. */
    @Transactional(readOnly = true)
    public Optional<String> usernameOfLink(String token) {
        return links.holder(token, false)
                .flatMap(users::findAccountById)
                .map(UserRepository.UserAccountRecord::username);
    }

    /**
     * Sets the password of the link's account and uses the link up.
     *
     * @return the username, for the sign-in page
     * @throws ValidationException {@link AccountField#TOKEN} for a link that no longer works,
     *     {@link AccountField#PASSWORD} for a password the policy refuses
     */
    @RetriedOnConflict
    @Transactional
    public String setWithLink(String token, String password) {
        long userId =
                links.holder(token, true).orElseThrow(() -> ValidationException.of(AccountField.TOKEN, LINK_GONE));
        UserRepository.UserAccountRecord account = users.findAccountForUpdate(userId)
                .orElseThrow(() -> ValidationException.of(AccountField.TOKEN, LINK_GONE));
        requireAllowed(password, account);
        users.replacePassword(userId, encoder.encode(password), clock.instant());
        links.voidAll(userId);
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.PASSWORD_LINK_USED,
                userId,
                account.username(),
                "Password set with a one-time link"));
        events.publishEvent(new AccountChanged(account.username()));
        return account.username();
    }

    /**
     * The signed-in person replaces their password; this session carries on, their others end. A
     * session may try five wrong current passwords per 15 minutes, so that an open session someone
     * else found cannot be used to guess it (nothing is locked: the owner's other sessions and
     * sign-ins go on).
     *
     * @throws ValidationException {@link AccountField#CURRENT_PASSWORD} when the current one is
     *     wrong or too many were, {@link AccountField#PASSWORD} for a new one the policy refuses
     */
    public void changeOwn(String currentPassword, String newPassword) {
        SignedInUser me = currentUser.require();
        String guesser = Usernames.key(me.getUsername())
                + '\u0000'
                + currentUser.sessionId().orElse("");
        if (currentPasswordGuesses.take(guesser) > 0) {
            throw ValidationException.of(AccountField.CURRENT_PASSWORD, "password.wrong.wait");
        }
        String hash = users.passwordHash(me.id()).orElse("");
        if (hash.isEmpty() || !encoder.matches(currentPassword, hash)) {
            // counted with the sign-ins' outcomes (keyward.sign-ins, bad_credentials)
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated(me.getUsername(), null),
                    new BadCredentialsException("Wrong current password")));
            throw ValidationException.of(AccountField.CURRENT_PASSWORD, "password.wrong");
        }
        currentPasswordGuesses.giveBack(guesser);
        transaction.executeWithoutResult(status -> replaceOwn(me, newPassword));
    }

    private void replaceOwn(SignedInUser me, String newPassword) {
        UserRepository.UserAccountRecord account =
                users.findAccountForUpdate(me.id()).orElseThrow();
        if (account.source() != AccountSource.LOCAL) {
            throw ValidationException.of(AccountField.FORM, "password.none");
        }
        requireAllowed(newPassword, account);
        int version = users.replacePassword(me.id(), encoder.encode(newPassword), clock.instant());
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.PASSWORD_CHANGED, me.id(), account.username(), "Other sessions ended"));
        events.publishEvent(
                new AccountChanged(account.username(), currentUser.sessionId().orElse(null)));
        // after the commit: until then, this session's principal must match the account as stored
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                currentUser.keepThisSession(version);
            }
        });
    }

    /** What the policy says of this password (for the field, while typing). */
    public PasswordPolicy policy() {
        return policy;
    }

    private void requireAllowed(String password, UserRepository.UserAccountRecord account) {
        Optional<Message> problem = policy.problem(
                Objects.requireNonNull(password),
                new PasswordPolicy.Owner(account.username(), account.displayName(), account.email()));
        if (problem.isPresent()) {
            throw new ValidationException(java.util.Map.of(AccountField.PASSWORD, problem.get()));
        }
    }
}
