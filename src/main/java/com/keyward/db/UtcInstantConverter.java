package com.keyward.db;

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
    public Instant from(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    @Override
    public LocalDateTime to(Instant value) {
        return value == null ? null : LocalDateTime.ofInstant(value, ZoneOffset.UTC);
    }
}
