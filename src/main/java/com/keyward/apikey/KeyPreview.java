package com.keyward.apikey;

import com.keyward.apiset.ApiEndpoints;
import com.keyward.apiset.ApiSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a key with these API sets could do if its owner made it now: per set, the endpoints it
 * unlocks, or the authority the owner lacks (the set's calls would be refused), or, for another
 * service's set, that the service decides.
 */
public record KeyPreview(List<SetPreview> sets) {

    /**
     * One set's part of the preview.
     *
     * @param missingAuthority the authority's code when the owner lacks it: every call of the set is refused
     */
    public record SetPreview(
            ApiSet set,
            List<ApiEndpoints.Endpoint> endpoints,
            @Nullable String missingAuthority) {}
}
