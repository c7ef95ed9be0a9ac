package com.keyward.apikey;

import com.keyward.apiset.ApiSetCatalog;
import com.keyward.db.RetriedOnConflict;
import com.keyward.role.AdministrationBoundary;
import com.keyward.role.RoleLimits;
import com.keyward.role.RoleMembership;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.user.AccountActivity;
import com.keyward.user.AccountLeft;
import com.keyward.validation.Message;
import com.keyward.validation.Names;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.Refused;
import com.keyward.validation.ValidationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys: generated only for oneself, shown once, stored as a digest; listed and revoked by
 * their owner, or by whoever holds Revoke User API Keys.
 */
@Service
public class ApiKeyService {

    /** Why a leaver's keys were revoked: in the audit log, for good. */
    static final String LEFT_THE_DIRECTORY = "owner left the directory";

    private final AdministrationBoundary boundary;
    private final KeyApprovalRepository approvals;
    private final ApiKeyRepository keys;
    private final RoleMembership roles;
    private final ApiSetCatalog apiSets;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiKeyService(
            ApiKeyRepository keys,
            KeyApprovalRepository approvals,
            RoleMembership roles,
            AdministrationBoundary boundary,
            ApiSetCatalog apiSets,
            CurrentUser currentUser,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.boundary = boundary;
        this.keys = keys;
        this.approvals = approvals;
        this.roles = roles;
        this.apiSets = apiSets;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The signed-in person's limits, for the New API Key window to offer only what will pass. */
    @Transactional(readOnly = true)
    public RoleLimits myLimits() {
        SignedInUser owner = requireManageOwnKeys();
        return roles.limitsOf(owner.id());
    }

    /** How many active keys the signed-in person has now, to show next to the limit. */
    @Transactional(readOnly = true)
    public int myActiveCount() {
        SignedInUser owner = requireManageOwnKeys();
        return keys.countActive(owner.id(), clock.instant());
    }

    /**
     * Generates a key for the signed-in person. The key is returned this once and stored only
     * as its SHA-256 digest. Nothing is stored when any check fails.
     *
     * @throws ValidationException with a message per field
     * @throws AccessDeniedException without Manage User API Key
     */
    @RetriedOnConflict
    @Transactional
    public GeneratedApiKey generate(NewApiKey request) {
        SignedInUser owner = requireManageOwnKeys();
        // First statement of the transaction: one person's concurrent requests queue here (on a
        // Galera cluster, conflict and are tried again), and InnoDB takes the read snapshot only
        // after the lock, so the counts below are current.
        keys.lockOwner(owner.id());
        Instant now = clock.instant();
        RoleLimits limits = roles.limitsOf(owner.id());
        String name = Names.name(request.name());
        String description = Names.description(request.description());
        Set<String> sets = request.apiSetCodes() == null ? Set.of() : new TreeSet<>(request.apiSetCodes());

        Map<ApiKeyField, Message> errors = new EnumMap<>(ApiKeyField.class);
        Names.nameProblem(name, "key").ifPresent(problem -> errors.put(ApiKeyField.NAME, problem));
        Names.descriptionProblem(description).ifPresent(problem -> errors.put(ApiKeyField.DESCRIPTION, problem));
        if (sets.isEmpty()) {
            errors.put(ApiKeyField.API_SETS, Message.of("newkey.sets.empty"));
        } else if (!sets.stream().allMatch(apiSets::exists)) {
            errors.put(ApiKeyField.API_SETS, Message.of("newkey.sets.unknown"));
        }
        AllowedNetworks.Parsed networks = AllowedNetworks.parse(request.allowedNetworks());
        if (!networks.problems().isEmpty()) {
            errors.put(ApiKeyField.ALLOWED_NETWORKS, Message.of("networks.list", networks.problems()));
        }
        // the sets that need an approver: the key works for them only once one has approved
        Set<String> pending = errors.containsKey(ApiKeyField.API_SETS)
                ? Set.of()
                : sets.stream()
                        .filter(code -> apiSets.get(code).needsApproval())
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        String justification = Names.description(request.justification());
        if (!pending.isEmpty()) {
            if (justification == null) {
                errors.put(ApiKeyField.JUSTIFICATION, Message.of("newkey.justification.empty"));
            } else {
                Names.descriptionProblem(justification)
                        .ifPresent(problem -> errors.put(ApiKeyField.JUSTIFICATION, problem));
            }
        }
        Instant latest = now.plus(Duration.ofDays(limits.maxApiKeyLifetimeDays()));
        Instant expiresAt = request.expiresAt();
        if (expiresAt == null || !expiresAt.isAfter(now)) {
            errors.put(ApiKeyField.EXPIRES, Message.of("newkey.expires.past"));
        } else if (expiresAt.isAfter(latest)) {
            errors.put(
                    ApiKeyField.EXPIRES,
                    Message.of(
                            "newkey.expires.toolate",
                            limits.maxApiKeyLifetimeDays(),
                            latest.atOffset(ZoneOffset.UTC).toLocalDate().toString()));
        }
        if (!errors.isEmpty() || expiresAt == null) {
            throw new ValidationException(errors);
        }

        if (keys.countActive(owner.id(), now) >= limits.maxActiveApiKeys()) {
            throw ValidationException.of(ApiKeyField.FORM, "newkey.limit", limits.maxActiveApiKeys());
        }
        if (keys.activeNameExists(owner.id(), name, now)) {
            throw ValidationException.of(ApiKeyField.NAME, "newkey.name.taken");
        }
        String key = ApiKeyFormat.generate();
        String hint = ApiKeyFormat.hint(key);
        long id = keys.insert(
                owner.id(),
                name,
                description,
                ApiKeyFormat.digest(key),
                hint,
                now,
                expiresAt,
                sets,
                pending,
                networks.networks());
        if (!pending.isEmpty() && justification != null) {
            approvals.request(id, justification, now);
            events.publishEvent(new ApiKeyApprovalRequested(
                    id,
                    owner.id(),
                    owner.getUsername(),
                    name,
                    hint,
                    pending.stream().map(code -> apiSets.get(code).name()).toList(),
                    justification));
        }
        events.publishEvent(new ApiKeyGenerated(
                owner.id(),
                owner.getUsername(),
                name,
                hint,
                sets.stream().map(code -> apiSets.get(code).name()).toList(),
                expiresAt));
        return new GeneratedApiKey(keys.findById(id).orElseThrow(), key);
    }

    /**
     * Rolls one of the signed-in person's own active keys: a new key with the same name,
     * description and API sets, and a fresh expiry (the old key's lifetime, within the role's
     * limit), shown this once; the old key keeps working for {@code overlap} (never beyond its own
     * expiry). During the overlap both keys count towards the limit of active keys.
     *
     * @throws ValidationException when the key is not active, was rolled already, or the limit is reached
     * @throws AccessDeniedException for anyone else's key, or without Manage User API Key
     */
    @RetriedOnConflict
    @Transactional
    public GeneratedApiKey roll(long keyId, RollOverlap overlap) {
        SignedInUser owner = requireManageOwnKeys();
        keys.lockOwner(owner.id());
        ApiKeyInfo old = keys.findById(keyId)
                .filter(key -> key.ownerId() == owner.id())
                .orElseThrow(() -> new Refused("roll.notown"));
        Instant now = clock.instant();
        if (old.statusAt(now) != ApiKeyStatus.ACTIVE || old.rolled()) {
            throw ValidationException.of(ApiKeyField.FORM, "roll.notactive");
        }
        if (approvals.findOpen(old.id()).isPresent()) {
            // the new key would need its own request: decide this one first
            throw ValidationException.of(ApiKeyField.FORM, "roll.pending");
        }
        RoleLimits limits = roles.limitsOf(owner.id());
        int activeDuringOverlap = keys.countActive(owner.id(), now) + (overlap == RollOverlap.NOW ? 0 : 1);
        if (activeDuringOverlap > limits.maxActiveApiKeys()) {
            throw ValidationException.of(ApiKeyField.FORM, "roll.limit", limits.maxActiveApiKeys());
        }
        Duration lifetime = Duration.between(old.createdAt(), old.expiresAt());
        Duration longest = Duration.ofDays(limits.maxApiKeyLifetimeDays());
        Instant expiresAt = now.plus(lifetime.compareTo(longest) > 0 ? longest : lifetime);
        Instant oldUntil =
                now.plus(overlap.duration()).isBefore(old.expiresAt()) ? now.plus(overlap.duration()) : old.expiresAt();

        String key = ApiKeyFormat.generate();
        String hint = ApiKeyFormat.hint(key);
        long id = keys.insert(
                owner.id(),
                old.name(),
                old.description(),
                ApiKeyFormat.digest(key),
                hint,
                now,
                expiresAt,
                old.apiSetCodes(),
                Set.of(),
                AllowedNetworks.stored(old.allowedNetworks()));
        keys.markReplaces(id, old.id());
        if (!keys.markRolled(old.id(), id, oldUntil)) {
            throw ValidationException.of(ApiKeyField.FORM, "roll.notactive");
        }
        // the authenticator forgets its cached lookups once this commits: the old key's end applies at once
        events.publishEvent(new ApiKeyRolled(
                old.id(), id, owner.id(), owner.getUsername(), old.name(), old.hint(), hint, oldUntil, expiresAt));
        return new GeneratedApiKey(keys.findById(id).orElseThrow(), key);
    }

    /** Whether the signed-in person may list (and so revoke) this owner's keys. */
    public boolean mayManageKeysOf(long ownerId) {
        return currentUser
                .get()
                .map(viewer -> viewer.id() == ownerId
                        ? currentUser.hasAuthority(Authorities.MANAGE_USER_API_KEY)
                        : currentUser.hasAuthority(Authorities.REVOKE_USER_API_KEYS))
                .orElse(false);
    }

    @Transactional(readOnly = true)
    public int count(long ownerId) {
        requireMayManageKeysOf(ownerId);
        return keys.countByOwner(ownerId);
    }

    /** An owner's keys in one status (all for null), counted. */
    @Transactional(readOnly = true)
    public int count(long ownerId, @Nullable ApiKeyStatus status) {
        requireMayManageKeysOf(ownerId);
        return keys.countByOwner(ownerId, status, clock.instant());
    }

    /** An owner's keys in one status (all for null), newest first: metadata only. */
    @Transactional(readOnly = true)
    public List<ApiKeyInfo> list(long ownerId, @Nullable ApiKeyStatus status, int offset, int limit) {
        requireMayManageKeysOf(ownerId);
        return keys.findByOwner(ownerId, status, clock.instant(), offset, limit);
    }

    /** An owner's keys, newest first: metadata only. */
    @Transactional(readOnly = true)
    public List<ApiKeyInfo> list(long ownerId, int offset, int limit) {
        requireMayManageKeysOf(ownerId);
        return keys.findByOwner(ownerId, offset, limit);
    }

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    @RetriedOnConflict
    @Transactional
    public void revoke(long keyId) {
        revokeCounted(keyId);
    }

    /** Revokes a key at once; false when it was revoked already (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean revokeCounted(long keyId) {
        ApiKeyInfo key = keys.findById(keyId).orElseThrow(() -> new Refused("keys.nosuch"));
        requireMayManageKeysOf(key.ownerId());
        SignedInUser actor = currentUser.require();
        if (actor.id() != key.ownerId()) {
            // revoking is a change to the owner's account: bounded by the revoker's own authorities
            boundary.require(
                    actor, key.ownerId(), keys.ownerUsername(key.ownerId()), "revoke API key \"" + key.name() + "\"");
        }
        if (!keys.revoke(keyId, actor.id(), clock.instant())) {
            return false;
        }
        // the authenticator forgets cached lookups once this commits: not before, or a request
        // in between would cache the key as active again
        events.publishEvent(
                new ApiKeyRevoked(keyId, key.ownerId(), keys.ownerUsername(key.ownerId()), key.name(), key.hint()));
        return true;
    }

    /**
     * A deactivated person's keys are all revoked, in the deactivating transaction: they stop
     * working at once, and the list says why for good (a disabled owner alone could be re-enabled).
     * Heard when published, not before commit: the revocations' own events then reach the audit
     * log like any other.
     */
    @EventListener
    void onDeactivated(AccountActivity activity) {
        if (activity.kind() != AccountActivity.Kind.DEACTIVATED) {
            return;
        }
        long by = currentUser.require().id();
        for (ApiKeyInfo key : keys.findUnrevoked(activity.userId())) {
            if (keys.revoke(key.id(), by, clock.instant())) {
                events.publishEvent(
                        new ApiKeyRevoked(key.id(), key.ownerId(), activity.username(), key.name(), key.hint()));
            }
        }
    }

    /**
     * The directory let the owner go: every key of theirs is revoked, in the sync's transaction
     * (with the status change), and says why for good. A later account of the same name is
     * another account; these keys never answer again, even if the same entry comes back.
     */
    @EventListener
    void onLeft(AccountLeft left) {
        Instant now = clock.instant();
        for (ApiKeyInfo key : keys.findUnrevoked(left.userId())) {
            if (keys.revoke(key.id(), null, now)) {
                events.publishEvent(new ApiKeyRevoked(
                        key.id(), key.ownerId(), left.username(), key.name(), key.hint(), LEFT_THE_DIRECTORY));
            }
        }
    }

    /** A key's use over the last 30 days, for whoever may manage the owner's keys. */
    @Transactional(readOnly = true)
    public ApiKeyUsage usage(long keyId) {
        ApiKeyInfo key = keys.findById(keyId).orElseThrow(() -> new NotFoundException("keys.nosuch"));
        if (!mayManageKeysOf(key.ownerId())) {
            throw new NotFoundException("keys.nosuch");
        }
        return usageOf(key);
    }

    /** A key's use, for its owner only (the Account API: a key's owner, nobody else's keys). */
    @Transactional(readOnly = true)
    public ApiKeyUsage myKeyUsage(long keyId) {
        SignedInUser me = currentUser.require();
        ApiKeyInfo key = keys.findById(keyId)
                .filter(found -> found.ownerId() == me.id())
                .orElseThrow(() -> new NotFoundException("keys.nosuch.own"));
        return usageOf(key);
    }

    private ApiKeyUsage usageOf(ApiKeyInfo key) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = today.minusDays(ApiKeyUsage.DAYS - 1L);
        Map<LocalDate, ApiKeyUsage.Day> stored =
                keys.usageSince(key.id(), from).stream().collect(Collectors.toMap(ApiKeyUsage.Day::day, day -> day));
        List<ApiKeyUsage.Day> days = from.datesUntil(today.plusDays(1))
                .map(day -> stored.getOrDefault(day, new ApiKeyUsage.Day(day, 0, 0, 0)))
                .toList();
        return new ApiKeyUsage(
                key.id(),
                days,
                key.lastUsedAt(),
                key.lastUsedAddress(),
                days.stream().mapToLong(ApiKeyUsage.Day::calls).sum(),
                days.stream().mapToLong(ApiKeyUsage.Day::refused401).sum(),
                days.stream().mapToLong(ApiKeyUsage.Day::refused403).sum());
    }

    /** The non-secret hint of a key the signed-in person may see (the other half of a rolled pair). */
    @Transactional(readOnly = true)
    public String hintOf(long keyId) {
        ApiKeyInfo key = keys.findById(keyId).orElseThrow(() -> new Refused("keys.nosuch"));
        requireMayManageKeysOf(key.ownerId());
        return key.hint();
    }

    public String setNames(Set<String> codes) {
        return codes.stream().map(apiSets::nameOf).collect(Collectors.joining(", "));
    }

    private SignedInUser requireManageOwnKeys() {
        return currentUser.requireAuthority(
                Authorities.MANAGE_USER_API_KEY, "Generating API keys needs the Manage User API Key authority");
    }

    private void requireMayManageKeysOf(long ownerId) {
        if (!mayManageKeysOf(ownerId)) {
            throw new Refused("keys.notallowed");
        }
    }
}
