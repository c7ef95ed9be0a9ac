package com.keyward.validation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Something to tell a person, as a key into the translation files and its arguments, so that each
 * reader gets it in their own language: services say what is wrong, the console words it.
 */
public record Message(String key, List<Object> args) {

    public Message {
        args = List.copyOf(args);
    }

    public static Message of(String key, Object... args) {
        return new Message(key, List.of(args));
    }

    public String in(Locale locale) {
        // a message inside a message (a field's problem in an import row) speaks the same language
        return Translations.text(
                locale, key, args.stream().map(arg -> translated(arg, locale)).toArray());
    }

    /** Messages inside are said in the same language; a list of them is joined with "; ". */
    private static Object translated(Object arg, Locale locale) {
        if (arg instanceof Message inner) {
            return inner.in(locale);
        }
        if (arg instanceof List<?> list) {
            return list.stream()
                    .map(item -> String.valueOf(translated(item, locale)))
                    .collect(Collectors.joining("; "));
        }
        return arg;
    }

    /** The English wording, for API answers and logs. */
    @Override
    public String toString() {
        return in(Locale.ENGLISH);
    }
}
