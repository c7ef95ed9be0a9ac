package com.keyward.apikey;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * "Last used" without a database write per request: uses are kept in memory (the latest per
 * key) and written every few seconds, and once more at shutdown.
 */
@Component
public class ApiKeyUsageRecorder {

    private record Use(Instant at, String address) {}

    private final Map<Long, Use> pending = new ConcurrentHashMap<>();
    private final ApiKeyRepository keys;

    public ApiKeyUsageRecorder(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void record(long keyId, Instant at, String address) {
        pending.merge(keyId, new Use(at, address), (old, latest) -> latest.at().isAfter(old.at()) ? latest : old);
    }

    @Scheduled(fixedDelayString = "${keyward.api.last-used-flush-ms:5000}")
    @PreDestroy
    public void flush() {
        for (Long keyId : List.copyOf(pending.keySet())) {
            Use use = pending.remove(keyId);
            if (use != null) {
                keys.recordLastUse(keyId, use.at(), use.address());
            }
        }
    }
}
