package com.keyward.ui;

import static com.keyward.ui.Text.t;

/** Closing a window that shows a secret once (a key, set-password links). */
public final class ShownOnce {

    private ShownOnce() {}

    /**
     * Forgets at once when the secret was saved (copied or downloaded); otherwise asks first,
     * saying {@code unsaved}, since it cannot be shown again.
     */
    public static void close(boolean saved, String title, String unsaved, Runnable forget) {
        if (saved) {
            forget.run();
            return;
        }
        Confirmations.destructive(title, unsaved, t("shownonce.close"), t("shownonce.back"), forget);
    }
}
