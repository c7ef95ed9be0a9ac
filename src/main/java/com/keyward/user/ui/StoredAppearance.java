package com.keyward.user.ui;

import com.keyward.ui.Appearance;
import com.keyward.user.UserService;
import org.springframework.stereotype.Component;

/** The colour scheme kept with the signed-in person's account. */
@Component
class StoredAppearance implements Appearance {

    private final UserService users;

    StoredAppearance(UserService users) {
        this.users = users;
    }

    @Override
    public Scheme current() {
        return users.myColorScheme().map(Scheme::valueOf).orElse(Scheme.SYSTEM);
    }

    @Override
    public void choose(Scheme scheme) {
        users.setMyColorScheme(scheme == Scheme.SYSTEM ? null : scheme.name());
    }
}
