package com.keyward.ui;

/**
 * The signed-in person's colour scheme, remembered where their account is kept: the shell asks
 * for it and offers the choice in the user menu; the account module keeps it.
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
}
