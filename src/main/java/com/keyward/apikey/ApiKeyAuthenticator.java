package com.keyward.apikey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyward.db.DatabaseMonitor;
import com.keyward.db.DatabaseOutage;
import com.keyward.role.RoleMembership;
import com.keyward.security.AccountChanged;
import com.keyward.security.AuthoritiesChanged;
import com.keyward.validation.Refused;
import jakarta.annotation.Nullable;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides whether a presented key may act, and as whom.
 *
 * <p>Format and checksum are checked first, without any I/O. Lookups (the key, its owner's state
 * and authorities) are cached for at most {@code keyward.api.credential-cache} (5 s): revoking a
 * key, disabling or locking its owner or taking an authority away takes effect within that bound,
 * also when several instances share the database. Revocations made here take effect at once.
 *
 * <p>While the database is away (down, frozen, cut off), a key this instance checked successfully
 * within {@code keyward.api.credential-grace} (30 s) is judged by what that check found, so that a
 * short outage does not turn every known caller away (introspection needs nothing else); any other
 * key gets 503 at once. A revoke made on another instance in the last 5 s before an outage may
 * therefore take up to that grace to reach this one; one made here always takes effect at once.
 */
@Service
public class ApiKeyAuthenticator {

    /** Why a request was refused; each becomes a 401 with its own detail. */
    public enum Failure {
        MISSING("No API key was sent. Send it in the X-Api-Key header or as Authorization: Bearer."),
        MALFORMED("The API key is malformed or its checksum does not match."),
        UNKNOWN("The API key is not known."),
        REVOKED("The API key has been revoked."),
        EXPIRED("The API key has expired."),
        OWNER_DISABLED("The API key's owner account is disabled."),
        OWNER_LOCKED("The API key's owner account is locked."),
        OWNER_EXPIRED("The API key's owner account has expired.");

        private final String detail;

        Failure(String detail) {
            this.detail = detail;
        }

        public String detail() {
            return detail;
        }
    }

    /** What came of a presented key: the principal it acts as, or why it was refused. */
    public sealed interface Outcome {}

    /** The key may act, as this principal; the credential says what the key is (for introspection). */
    public record Accepted(ApiKeyPrincipal principal, ApiKeyCredential credential) implements Outcome {}

    /** The key was refused; each failure becomes a 401 with its own detail. */
    public record Refused(Failure failure) implements Outcome {}

    /** A valid key, sent from outside the networks it is allowed from: 403. */
    public record OutsideNetworks() implements Outcome {}

    public static final String OUTSIDE_NETWORKS_DETAIL = "This API key is not allowed from this address.";

    private final ApiKeyRepository keys;
    private final RoleMembership roles;
    private final ApiKeyUsageRecorder usage;
    private final Clock clock;
    /** A looked-up key with the principal it acts as, built once per lookup rather than per request. */
    private record Entry(ApiKeyCredential credential, ApiKeyPrincipal principal) {}

    private final Cache<ByteBuffer, Optional<Entry>> credentials;
    /** The last answer the database gave for each key, kept for the grace after it. */
    private final Cache<ByteBuffer, Optional<Entry>> lastChecked;

    private final DatabaseMonitor database;
    /** Bumped when every lookup must be forgotten: a lookup that began before is not kept. */
    private final AtomicLong forgotten = new AtomicLong();

    ApiKeyAuthenticator(
            ApiKeyRepository keys,
            RoleMembership roles,
            ApiKeyUsageRecorder usage,
            Clock clock,
            DatabaseMonitor database,
            @Value("${keyward.api.credential-cache:PT5S}") Duration cacheFor,
            @Value("${keyward.api.credential-grace:PT30S}") Duration graceFor) {
        this.keys = keys;
        this.roles = roles;
        this.usage = usage;
        this.clock = clock;
        this.database = database;
        this.credentials = Caffeine.newBuilder()
                .expireAfterWrite(cacheFor)
                .maximumSize(10_000)
                .build();
        this.lastChecked = Caffeine.newBuilder()
                .expireAfterWrite(graceFor.isNegative() ? Duration.ZERO : graceFor)
                .maximumSize(10_000)
                .build();
    }

    /**
     * The key a request presents, checked as for a call from {@code clientAddress}; the call is
     * counted in the key's usage. No transaction: a cache hit must not cost a database round trip.
     */
    public Outcome authenticate(@Nullable String presented, String clientAddress) {
        return authenticate(presented, clientAddress, clientAddress);
    }

    /**
     * The same, where the client's address may be unknown (introspection without {@code
     * client_ip}): a key limited to networks is then refused. The use is recorded as from
     * {@code recordedAddress}.
     */
    public Outcome authenticate(@Nullable String presented, @Nullable String clientAddress, String recordedAddress) {
        if (presented == null || presented.isBlank()) {
            return new Refused(Failure.MISSING);
        }
        Optional<String> key = ApiKeyFormat.parse(presented.strip());
        if (key.isEmpty()) {
            return new Refused(Failure.MALFORMED);
        }
        Optional<Entry> found = lookUp(ByteBuffer.wrap(ApiKeyFormat.digest(key.get())));
        if (found.isEmpty()) {
            return new Refused(Failure.UNKNOWN);
        }
        ApiKeyCredential credential = found.get().credential();
        Instant now = clock.instant();
        Optional<Failure> failure = refusal(credential, now);
        if (failure.isPresent()) {
            usage.refused(credential.keyId(), now, 401);
            return new Refused(failure.get());
        }
        if (!credential.networks().allows(clientAddress)) {
            usage.refusedOutsideNetworks(credential.keyId(), now);
            return new OutsideNetworks();
        }
        usage.record(credential.keyId(), now, recordedAddress);
        return new Accepted(found.get().principal(), credential);
    }

    /**
     * The cached lookup, else the database's answer, else (the database away) the last answer
     * within the grace. Not a computing cache: requests with the same key never queue behind one
     * lookup that waits on a hung database, each fails (503) on its own bound.
     */
    private Optional<Entry> lookUp(ByteBuffer digest) {
        Optional<Entry> cached = credentials.getIfPresent(digest);
        if (cached != null) {
            return cached;
        }
        if (!database.reachable()) {
            return lastAnswer(digest, null);
        }
        long generation = forgotten.get();
        Optional<Entry> found;
        try {
            found = load(digest);
        } catch (RuntimeException failure) {
            if (DatabaseOutage.causes(failure)) {
                return lastAnswer(digest, failure);
            }
            throw failure;
        }
        // a revoke that committed while this lookup ran has forgotten everything: keep nothing older
        if (forgotten.get() == generation) {
            credentials.put(digest, found);
            lastChecked.put(digest, found);
        }
        return found;
    }

    private Optional<Entry> lastAnswer(ByteBuffer digest, @Nullable RuntimeException failure) {
        Optional<Entry> last = lastChecked.getIfPresent(digest);
        if (last != null) {
            return last;
        }
        if (failure != null) {
            throw failure;
        }
        throw new DataAccessResourceFailureException("The database is away and this key was not checked recently.");
    }

    /** Forgets every cached lookup, e.g. after a revocation in this instance. */
    private void forgetCachedKeys() {
        forgotten.incrementAndGet();
        credentials.invalidateAll();
        lastChecked.invalidateAll();
    }

    /** After the change has committed: a lookup from now on sees it. */
    @TransactionalEventListener(fallbackExecution = true)
    void onRevoked(ApiKeyRevoked revoked) {
        forgetCachedKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onLeaked(ApiKeyLeaked leaked) {
        forgetCachedKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onRolled(ApiKeyRolled rolled) {
        forgetCachedKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onApprovalDecided(ApiKeyApprovalDecided decided) {
        forgetCachedKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onOwnerChanged(AccountChanged changed) {
        forgetCachedKeys();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAuthoritiesChanged(AuthoritiesChanged changed) {
        forgetCachedKeys();
    }

    private Optional<Entry> load(ByteBuffer digest) {
        byte[] bytes = new byte[digest.remaining()];
        digest.duplicate().get(bytes);
        return keys.findCredential(bytes).map(found -> {
            ApiKeyCredential credential = found.withOwnerAuthorities(roles.effectiveAuthorityCodes(found.ownerId()));
            return new Entry(credential, principal(credential));
        });
    }

    private static Optional<Failure> refusal(ApiKeyCredential credential, Instant now) {
        if (credential.revokedAt() != null) {
            return Optional.of(Failure.REVOKED);
        }
        if (!credential.expiresAt().isAfter(now)) {
            return Optional.of(Failure.EXPIRED);
        }
        if (credential.ownerStatus().disabled()) {
            return Optional.of(Failure.OWNER_DISABLED);
        }
        if (credential.ownerLockedAt(now)) {
            return Optional.of(Failure.OWNER_LOCKED);
        }
        Instant ownerExpiresAt = credential.ownerExpiresAt();
        if (ownerExpiresAt != null && !ownerExpiresAt.isAfter(now)) {
            return Optional.of(Failure.OWNER_EXPIRED);
        }
        return Optional.empty();
    }

    /** The owner's authorities as codes and roles (as at sign-in), plus API_SET_<code> per set. */
    private static ApiKeyPrincipal principal(ApiKeyCredential credential) {
        List<GrantedAuthority> granted = new ArrayList<>();
        for (String code : credential.ownerAuthorities()) {
            granted.add(new SimpleGrantedAuthority(code));
            granted.add(new SimpleGrantedAuthority("ROLE_" + code));
        }
        for (String set : credential.apiSetCodes()) {
            granted.add(new SimpleGrantedAuthority(apiSetAuthority(set)));
        }
        return new ApiKeyPrincipal(
                credential.keyId(),
                Set.copyOf(credential.apiSetCodes()),
                credential.pendingSetCodes(),
                credential.ownerId(),
                credential.ownerUsername(),
                credential.ownerDisplayName(),
                granted);
    }

    public static String apiSetAuthority(String apiSetCode) {
        return "API_SET_" + apiSetCode;
    }
}
