package com.keyward.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** What tests outside the apikey module may read or plant directly: the repository stays the module's. */
@Component
public class ApiKeyFixtures {

    private final ApiKeyRepository keys;

    ApiKeyFixtures(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public Optional<ApiKeyInfo> findById(long id) {
        return keys.findById(id);
    }

    public List<ApiKeyInfo> findByOwner(long ownerId, int offset, int limit) {
        return keys.findByOwner(ownerId, offset, limit);
    }

    public int countByOwner(long ownerId) {
        return keys.countByOwner(ownerId);
    }

    /** Revokes every key of this owner not revoked yet (a clean start under the active-key limit). */
    public void revokeAllOf(long ownerId) {
        keys.findUnrevoked(ownerId).forEach(key -> keys.revoke(key.id(), ownerId, Instant.now()));
    }

    /** Ends a key's life (a roll's overlap, its expiry) a second ago, as if that time had passed. */
    public void endNow(long keyId) {
        keys.endAt(keyId, Instant.now().minusSeconds(1));
    }

    /** A key the service would refuse to make (already expired, for a disabled owner…). */
    public long insert(
            long ownerId,
            String name,
            String description,
            byte[] digest,
            String hint,
            Instant createdAt,
            Instant expiresAt,
            Set<String> apiSetCodes) {
        return keys.insert(
                ownerId,
                name,
                description,
                digest,
                hint,
                createdAt,
                expiresAt,
                apiSetCodes,
                Set.of(),
                AllowedNetworks.stored(null));
    }
}
