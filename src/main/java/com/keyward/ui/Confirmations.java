package com.keyward.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The console's one way to confirm something that cannot be undone: the destructive choice is
 * red and named for what it does, and the focus starts on the safe choice, so that a reflexive
 * Enter keeps what is there.
 */
public final class Confirmations {

    private Confirmations() {}

    /** Opens the confirmation; {@code confirmed} runs only when the destructive choice is taken. */
    public static ConfirmDialog destructive(String title, String text, String action, Runnable confirmed) {
        return destructive(title, text, action, "Cancel", confirmed);
    }

    /** The same, with the safe choice named {@code keep} (e.g. "Go back"). */
    public static ConfirmDialog destructive(String title, String text, String action, String keep, Runnable confirmed) {
        ConfirmDialog confirm = new ConfirmDialog(title, text, action, event -> confirmed.run());
        Button cancel = new Button(keep, click -> confirm.close());
        cancel.addClassName("safe-choice");
        confirm.setCancelable(true);
        confirm.setCancelButton(cancel);
        confirm.setConfirmButtonTheme("error primary");
        // the web component focuses its confirm button as it opens; move the focus once it is open
        confirm.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                cancel.focus();
            }
        });
        confirm.open();
        return confirm;
    }
}
