package com.keyward.ui;

import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in person's colour scheme and language, remembered where their account is kept: the
 * shell asks for them and offers the choices in the user menu; the account module keeps them.
 */
public interface Appearance {

    /** The three choices. */
    enum Scheme {
        SYSTEM,
        LIGHT,
        DARK
    }

    Scheme current();

    void choose(Scheme scheme);

    /** The chosen language, or empty to follow the browser. */
    Optional<Locale> language();

    /** Remembers a language; empty follows the browser again. */
    void chooseLanguage(Optional<Locale> language);
}
