package com.keyward.user.ui;

import com.keyward.ui.Labels;
import com.keyward.user.UserStatus;
import com.vaadin.flow.component.html.Span;

/** An account status as text with a colour that never carries the meaning alone. */
final class StatusBadge {

    private StatusBadge() {}

    static Span of(UserStatus status) {
        Span badge = new Span(Labels.of(status));
        badge.getElement()
                .getThemeList()
                .add(
                        switch (status) {
                            case ENABLED -> "badge success";
                            case DISABLED, DIRECTORY_DISABLED -> "badge contrast";
                            case LOCKED -> "badge error";
                        });
        return badge;
    }
}
