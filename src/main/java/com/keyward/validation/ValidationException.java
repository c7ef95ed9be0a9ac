package com.keyward.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a change was refused, as a message per field of the form it came from (each module names
 * its fields with an enum; a FORM constant for what concerns the whole). Nothing was saved.
 */
public final class ValidationException extends RuntimeException {

    private final transient Map<Enum<?>, Message> messages;

    public ValidationException(Map<? extends Enum<?>, Message> messages) {
        super("Not saved: " + messages.values());
        this.messages = Map.copyOf(messages);
    }

    public static ValidationException of(Enum<?> field, String key, Object... args) {
        return new ValidationException(Map.of(field, Message.of(key, args)));
    }

    public static ValidationException of(Enum<?> field, Message message) {
        return new ValidationException(Map.of(field, message));
    }

    /** What the console shows, in each reader's language. */
    public Map<Enum<?>, Message> messages() {
        return messages;
    }

    /** The messages in English: for API answers and logs. */
    public Map<Enum<?>, String> errors() {
        Map<Enum<?>, String> english = new LinkedHashMap<>();
        messages.forEach((field, message) -> english.put(field, message.toString()));
        return english;
    }
}
