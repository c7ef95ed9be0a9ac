package com.keyward.user.ui;

import com.keyward.ui.Labels;
import com.keyward.user.UserStatus;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.function.Function;

/** An account status as text with a colour that never carries the meaning alone. */
final class StatusBadge {

    private StatusBadge() {}

    /**
     * The badge in a grid column: drawn in the browser from two properties per row, so a row holds
     * no server-side component (a component per row cost the session heap several KB a row).
     */
    static <T> LitRenderer<T> renderer(Function<T, UserStatus> status) {
        return LitRenderer.<T>of("<span theme=\"${item.statusTheme}\">${item.statusLabel}</span>")
                .withProperty("statusTheme", row -> theme(status.apply(row)))
                .withProperty("statusLabel", row -> Labels.of(status.apply(row)));
    }

    private static String theme(UserStatus status) {
        return switch (status) {
            case ENABLED -> "badge success";
            case DISABLED, DIRECTORY_DISABLED -> "badge contrast";
            case LOCKED -> "badge error";
        };
    }
}
