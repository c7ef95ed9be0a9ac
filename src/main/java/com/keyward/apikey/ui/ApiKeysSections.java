package com.keyward.apikey.ui;

import com.keyward.apikey.ApiKeyAccess;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.KeyPreviews;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.user.ui.ApiKeysPlace;
import com.vaadin.flow.component.Component;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the API Keys section for User Account Details, where {@link ApiKeyAccess} allows one. */
@org.springframework.stereotype.Component
class ApiKeysSections implements ApiKeysPlace {

    private final ApiKeyAccess access;
    private final ApiKeyService keys;
    private final KeyPreviews previews;
    private final ApiSetCatalog catalog;
    private final Clock clock;

    ApiKeysSections(ApiKeyAccess access, ApiKeyService keys, KeyPreviews previews, ApiSetCatalog catalog, Clock clock) {
        this.access = access;
        this.keys = keys;
        this.previews = previews;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Optional<Supplier<Component>> forAccount(long ownerId, boolean ownAccount) {
        if (!access.maySeeApiKeysSection()) {
            return Optional.empty();
        }
        return Optional.of(() -> new ApiKeysSection(ownerId, ownAccount, keys, previews, catalog, clock));
    }
}
