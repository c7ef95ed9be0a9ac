package com.keyward.apikey.ui;

import com.keyward.apikey.ApiKeyAccess;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apiset.ApiSetCatalog;
import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Builds the API Keys section for User Account Details, where {@link ApiKeyAccess} allows one.
 * What the user module's views may use of this module's UI.
 */
@org.springframework.stereotype.Component
@NamedInterface("sections")
public class ApiKeysSections {

    private final ApiKeyAccess access;
    private final ApiKeyService keys;
    private final ApiSetCatalog catalog;
    private final Clock clock;

    public ApiKeysSections(ApiKeyAccess access, ApiKeyService keys, ApiSetCatalog catalog, Clock clock) {
        this.access = access;
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The section for this account, or empty when the viewer may not see one. */
    public Optional<Component> forAccount(long ownerId, boolean ownAccount) {
        if (!access.maySeeApiKeysSection()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeysSection(ownerId, ownAccount, keys, catalog, clock));
    }
}
