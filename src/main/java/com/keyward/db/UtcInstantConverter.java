package com.keyward.db;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jooq.impl.AbstractConverter;

/**
 * DATETIME columns hold UTC without a zone; the generated jOOQ classes type them as Instant
 * through this converter (a forced type of the code generator), so no repository converts by hand.
 */
public final class UtcInstantConverter extends AbstractConverter<LocalDateTime, Instant> {

    public UtcInstantConverter() {
        super(LocalDateTime.class, Instant.class);
    }

    @Override
    public @Nullable Instant from(@Nullable LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public @Nullable LocalDateTime to(@Nullable Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }
}
