package com.keyward.db;

import org.jooq.Converter;
import org.jooq.Field;

/**
 * Enum columns are stored by name (VARCHAR with a CHECK constraint). A repository reads and
 * compares them through the typed field made here, never through {@code valueOf} by hand.
 */
public final class EnumColumns {

    private EnumColumns() {}

    public static <E extends Enum<E>> Field<E> typed(Field<String> column, Class<E> type) {
        return column.convert(Converter.ofNullable(String.class, type, name -> Enum.valueOf(type, name), Enum::name));
    }
}
