package com.keyward.ui;

import com.keyward.validation.Explained;
import com.keyward.validation.Message;
import com.keyward.validation.Translations;
import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * The console's one way to a visible string: {@code t("users.title")} in the language of the
 * person looking (the UI's locale), from the translation files.
 */
public final class Text {

    private Text() {}

    public static String t(String key, Object... args) {
        return Translations.text(locale(), key, args);
    }

    public static String t(Message message) {
        return message.in(locale());
    }

    /**
     * Words kept in the database for the built-in things (authorities, API sets) in the reader's
     * language when the translation files know {@code key}; otherwise as stored, for things an
     * organisation added itself.
     */
    public static String tOr(String key, String stored) {
        return Translations.has(locale(), key) ? t(key) : stored;
    }

    /** Why something was refused: its explanation when it has one, else its message. */
    public static String t(Throwable refused) {
        if (refused instanceof Explained explained) {
            return t(explained.explanation());
        }
        String message = refused.getMessage();
        return message == null ? t("action.refused") : message;
    }

    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : Translations.language(ui.getLocale());
    }
}
