package com.keyward.validation;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every visible string of Keyward, in {@code vaadin-i18n/translations.properties} (English) and
 * {@code translations_de.properties} (German): the console's I18NProvider reads them, and so does
 * {@link Message} for what services say.
 */
public final class Translations {

    public static final String BUNDLE = "vaadin-i18n.translations";

    /** English first: what a browser asking for neither gets. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /**
     * Set by the build's tests (surefire and failsafe): a missing key fails the test that reaches
     * it, instead of showing {@code !key!} to whoever reads the page or the problem.
     */
    static final String STRICT = "keyward.translations.strict";

    private Translations() {}

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, language(locale), NO_FALLBACK);
    }

    /** The supported language nearest to {@code locale}: German for any German, else English. */
    public static Locale language(Locale locale) {
        return locale.getLanguage().equals(Locale.GERMAN.getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }

    public static boolean has(Locale locale, String key) {
        return bundle(locale).containsKey(key);
    }

    /** The text for {@code key}; {@code {0}}-style arguments are filled in with the locale's rules. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            if (Boolean.getBoolean(STRICT)) {
                throw new IllegalStateException("No translation for \"" + key + "\" in " + language(locale), missing);
            }
            // visible but not fatal in production: the tests keep this from shipping
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language(locale)).format(args);
    }
}
