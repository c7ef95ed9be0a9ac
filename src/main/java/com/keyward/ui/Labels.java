package com.keyward.ui;

/**
 * The one way an enum value gets its visible text: the key {@code <EnumName>.<CONSTANT>} in the
 * translation files, in the language of the person looking.
 */
public final class Labels {

    private Labels() {}

    public static String of(Enum<?> value) {
        return Text.t(value.getDeclaringClass().getSimpleName() + "." + value.name());
    }
}
