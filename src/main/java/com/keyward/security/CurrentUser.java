package com.keyward.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyward.db.RetriedReads;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is signed in, and what they may do: the one place services and views ask.
 *
 * <p>A browser session's principal is what was true at sign-in; every question here is answered
 * from the account as it is now instead (status, expiry, authorities), read at most
 * {@code keyward.api.credential-cache} ago and re-read at once after a change made in this
 * instance. A disabled, locked or expired person's open page therefore cannot act any more.
 *
 * <p>A writing transaction never asks the pool for a second connection to find this out: the
 * person is read just before it begins ({@link WritingTransactions}) and that answer holds for the whole
 * transaction. Ten of one person's key generations at once on a pool of ten otherwise each held a
 * connection while the row lock's holder waited for an eleventh ("cannot reach its database").
 */
@Component
public class CurrentUser {

    private final Principals accounts;
    private final TransactionTemplate ownTransaction;
    private final Cache<String, Optional<SignedInUser>> current;
    /** This thread's writing transactions (innermost last) with the person as found just before each began. */
    private final ThreadLocal<Deque<Pinned>> pinned = ThreadLocal.withInitial(ArrayDeque::new);

    private record Pinned(TransactionExecution transaction, String username, Optional<SignedInUser> user) {}

    public CurrentUser(
            Principals accounts,
            PlatformTransactionManager transactions,
            @Value("${keyward.api.credential-cache:PT5S}") Duration cacheFor) {
        this.accounts = accounts;
        // its own read, never the caller's: a service that locks a row first keeps its snapshot after the lock
        this.ownTransaction = new TransactionTemplate(transactions);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        ownTransaction.setReadOnly(true);
        this.current = Caffeine.newBuilder()
                .expireAfterWrite(cacheFor)
                .maximumSize(10_000)
                .build();
    }

    /** The signed-in person as the account is now; empty when nobody is, or they may no longer act. */
    public Optional<SignedInUser> get() {
        return fresh(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The person of this authentication as the account is now; empty when nobody, or they may no longer act. */
    private Optional<SignedInUser> fresh(@Nullable Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInUser user)) {
            return Optional.empty();
        }
        if (user.checkedForThisRequest()) {
            return Optional.of(user);
        }
        Optional<SignedInUser> now =
                pinnedFor(user.getUsername()).orElseGet(() -> current.get(user.getUsername(), this::load));
        // a password change or reset elsewhere ends every session signed in under the old password
        return now.filter(fresh -> fresh.id() == user.id() && fresh.credentialsVersion() == user.credentialsVersion());
    }

    /** Inside a writing transaction begun for this person: what was found just before it began. */
    private Optional<Optional<SignedInUser>> pinnedFor(String username) {
        Pinned innermost = pinned.get().peekLast();
        return innermost != null && innermost.username().equals(username)
                ? Optional.of(innermost.user())
                : Optional.empty();
    }

    /**
     * Before a writing transaction takes its connection: the signed-in person is read now, with a
     * connection borrowed and given back, never while the transaction holds one (and maybe a lock).
     */
    void beforeBegin(TransactionExecution transaction) {
        if (transaction.isReadOnly()) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && !user.checkedForThisRequest()) {
            String username = user.getUsername();
            Optional<SignedInUser> now = pinnedFor(username).orElseGet(() -> current.get(username, this::load));
            pinned.get().addLast(new Pinned(transaction, username, now));
        }
    }

    void afterBegin(TransactionExecution transaction, @Nullable Throwable beginFailure) {
        if (beginFailure != null) {
            unpin(transaction);
        }
    }

    void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        unpin(transaction);
    }

    void afterRollback(TransactionExecution transaction, @Nullable Throwable rollbackFailure) {
        unpin(transaction);
    }

    private void unpin(TransactionExecution transaction) {
        Deque<Pinned> pins = pinned.get();
        pins.removeIf(pin -> pin.transaction() == transaction);
        if (pins.isEmpty()) {
            pinned.remove();
        }
    }

    /** The HTTP session of the request at hand, if it has one. */
    public Optional<String> sessionId() {
        VaadinSession vaadin = VaadinSession.getCurrent();
        WrappedSession http = vaadin == null ? null : vaadin.getSession();
        return Optional.ofNullable(http).map(WrappedSession::getId);
    }

    /**
     * The signed-in person changed their own password: this session carries on under the new
     * credentials version, while every other session (here or on another node) has ended.
     */
    public void keepThisSession(int credentialsVersion) {
        var context = SecurityContextHolder.getContext();
        Authentication authentication = context.getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            context.setAuthentication(
                    user.renewedWith(user.withCredentialsVersion(credentialsVersion), authentication));
            // the session keeps what the request's context holds (explicitly, whichever transport brought it)
            VaadinSession vaadin = VaadinSession.getCurrent();
            WrappedSession http = vaadin == null ? null : vaadin.getSession();
            if (http != null) {
                http.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
            }
            current.invalidate(user.getUsername());
        }
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /**
     * The signed-in person, when they hold the authority; otherwise AccessDeniedException with
     * {@code reason}, which API clients see in the 403 problem.
     */
    public SignedInUser requireAuthority(String code, String reason) {
        SignedInUser user = require();
        if (!holds(user, code)) {
            throw new AccessDeniedException(reason);
        }
        return user;
    }

    public boolean hasAuthority(String code) {
        return get().map(user -> holds(user, code)).orElse(false);
    }

    /**
     * A request rule granting access when the signed-in person holds the authority as the account
     * is now (see {@link #get}); a session's authorities from sign-in do not count.
     */
    public AuthorizationManager<RequestAuthorizationContext> holding(String code) {
        // the authentication the filter chain hands over, not a thread's holder: the rule judges this request's
        return (authentication, request) -> new AuthorizationDecision(
                fresh(authentication.get()).map(user -> holds(user, code)).orElse(false));
    }

    private static boolean holds(SignedInUser user, String code) {
        return user.getAuthorities().stream().anyMatch(granted -> code.equals(granted.getAuthority()));
    }

    private Optional<SignedInUser> load(String username) {
        return RetriedReads.read(() -> ownTransaction.execute(status -> accounts.current(username)
                .filter(fresh -> fresh.isEnabled() && fresh.isAccountNonLocked() && fresh.isAccountNonExpired())
                .map(fresh -> {
                    // nothing kept here or in a session holds a password hash
                    fresh.eraseCredentials();
                    return fresh;
                })));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAccountChanged(AccountChanged changed) {
        current.invalidate(changed.username());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAuthoritiesChanged(AuthoritiesChanged changed) {
        current.invalidateAll();
    }
}
