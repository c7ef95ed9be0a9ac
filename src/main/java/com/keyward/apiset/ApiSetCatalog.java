package com.keyward.apiset;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The API sets, for everyone (the chooser, key checks, listings): a handful of rows, read at most
 * every {@code keyward.api.credential-cache} (5 s, so a change made on another node shows within
 * that bound) and at once after a change made here.
 */
@Service
public class ApiSetCatalog {

    private record Snapshot(List<ApiSet> sets, Map<String, ApiSet> byCode) {}

    private final LoadingCache<Boolean, Snapshot> snapshot;

    public ApiSetCatalog(
            ApiSetRepository repository, @Value("${keyward.api.credential-cache:PT5S}") Duration refreshAfter) {
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(refreshAfter).build(any -> {
            List<ApiSet> sets = List.copyOf(repository.findAll());
            return new Snapshot(
                    sets, sets.stream().collect(Collectors.toUnmodifiableMap(ApiSet::code, Function.identity())));
        });
    }

    public List<ApiSet> all() {
        return snapshot().sets();
    }

    public boolean exists(String code) {
        return snapshot().byCode().containsKey(code);
    }

    public Optional<ApiSet> find(String code) {
        return Optional.ofNullable(snapshot().byCode().get(code));
    }

    public ApiSet get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Unknown API set " + code));
    }

    /** A set's name, or its code when it has been deleted since (lists of old keys). */
    public String nameOf(String code) {
        return find(code).map(ApiSet::name).orElse(code);
    }

    private Snapshot snapshot() {
        return snapshot.get(Boolean.TRUE);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onChanged(ApiSetChanged changed) {
        snapshot.invalidateAll();
    }
}
