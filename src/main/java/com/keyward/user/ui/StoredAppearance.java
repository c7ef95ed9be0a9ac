package com.keyward.user.ui;

import com.keyward.security.CurrentUser;
import com.keyward.ui.Appearance;
import com.keyward.user.UserService;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The colour scheme and language kept with the signed-in person's account. */
@Component
class StoredAppearance implements Appearance {

    private final UserService users;
    private final CurrentUser signedIn;

    StoredAppearance(UserService users, CurrentUser signedIn) {
        this.users = users;
        this.signedIn = signedIn;
    }

    @Override
    public Scheme current() {
        return users.myColorScheme().map(Scheme::valueOf).orElse(Scheme.SYSTEM);
    }

    @Override
    public void choose(Scheme scheme) {
        users.setMyColorScheme(scheme == Scheme.SYSTEM ? null : scheme.name());
    }

    @Override
    public Optional<Locale> language() {
        // asked on every page load, the sign-in page included
        return signedIn.get().isPresent() ? users.myLanguage().map(Locale::forLanguageTag) : Optional.empty();
    }

    @Override
    public void chooseLanguage(Optional<Locale> language) {
        users.setMyLanguage(language.map(Locale::getLanguage).orElse(null));
    }
}
