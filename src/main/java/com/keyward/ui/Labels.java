package com.keyward.ui;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The one way an enum value gets its visible text: the key {@code <EnumName>.<CONSTANT>} in
 * {@code labels.properties}, the bundle the German translation will sit beside.
 */
public final class Labels {

    private static final ResourceBundle LABELS = ResourceBundle.getBundle("labels", Locale.ROOT);

    private Labels() {}

    public static String of(Enum<?> value) {
        return LABELS.getString(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
