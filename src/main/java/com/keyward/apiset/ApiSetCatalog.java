package com.keyward.apiset;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The API sets, read once: they change only with a migration, that is with a new release. */
@Service
public class ApiSetCatalog {

    private final List<ApiSet> sets;
    private final Map<String, ApiSet> byCode;

    public ApiSetCatalog(ApiSetRepository repository) {
        this.sets = List.copyOf(repository.findAll());
        this.byCode = sets.stream().collect(Collectors.toUnmodifiableMap(ApiSet::code, Function.identity()));
    }

    public List<ApiSet> all() {
        return sets;
    }

    public boolean exists(String code) {
        return byCode.containsKey(code);
    }

    public ApiSet get(String code) {
        ApiSet set = byCode.get(code);
        if (set == null) {
            throw new IllegalArgumentException("Unknown API set " + code);
        }
        return set;
    }
}
