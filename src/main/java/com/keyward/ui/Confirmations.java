package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/**
 * The console's one way to confirm something that cannot be undone: the destructive choice is
 * red and named for what it does, and the focus starts on the safe choice, so that a reflexive
 * Enter keeps what is there. (Vaadin's ConfirmDialog confirms on Enter wherever the focus is.)
 */
public final class Confirmations {

    private Confirmations() {}

    /** Opens the confirmation; {@code confirmed} runs only when the destructive choice is taken. */
    public static Dialog destructive(String title, String text, String action, Runnable confirmed) {
        return destructive(title, text, action, t("action.cancel"), confirmed);
    }

    /** The same, with the safe choice named {@code keep} (e.g. "Go back"). */
    public static Dialog destructive(String title, String text, String action, String keep, Runnable confirmed) {
        Dialog confirm = new Dialog(title);
        confirm.setRole("alertdialog");
        confirm.addClassName("confirmation");
        confirm.setCloseOnOutsideClick(false);
        confirm.add(new Paragraph(text));
        Button safe = new Button(keep, click -> confirm.close());
        safe.addClassName("safe-choice");
        Button act = new Button(action, click -> {
            confirm.close();
            confirmed.run();
        });
        act.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(safe, act);
        // the overlay takes the focus as it opens; hand it to the safe choice once it is open
        confirm.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                safe.focus();
            }
        });
        confirm.open();
        return confirm;
    }
}
