package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.ui.FieldErrors;
import com.keyward.user.AccountField;
import com.keyward.user.PasswordPolicy;
import com.keyward.user.Passwords;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/** My account › Change password: the current one first; the person's other sessions end. */
class ChangePasswordDialog extends Dialog {

    final PasswordField current = new PasswordField(t("password.current"));
    final PasswordField replacement = new PasswordField(t("password.new"));
    final Button change = new Button(t("account.changepassword"));
    private final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);

    ChangePasswordDialog(Passwords passwords, String username) {
        setHeaderTitle(t("account.changepassword"));
        getElement().setAttribute("aria-label", t("account.changepassword"));
        setWidth("min(32rem, 100vw)");
        current.setRequiredIndicatorVisible(true);
        current.setAutofocus(true);
        current.setWidthFull();
        current.getElement().setAttribute("autocomplete", "current-password");
        replacement.setRequiredIndicatorVisible(true);
        replacement.setWidthFull();
        replacement.getElement().setAttribute("autocomplete", "new-password");
        PasswordStrengthMeter meter =
                new PasswordStrengthMeter(replacement, passwords.policy(), () -> PasswordPolicy.Owner.named(username));
        errors.field(AccountField.CURRENT_PASSWORD, current).field(AccountField.PASSWORD, replacement);
        VerticalLayout fields =
                new VerticalLayout(formError, current, replacement, meter, new Paragraph(t("password.othersessions")));
        fields.setPadding(false);
        add(fields);
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.addClickListener(click -> {
            errors.clear();
            try {
                passwords.changeOwn(current.getValue(), replacement.getValue());
                current.clear();
                replacement.clear();
                close();
                Notification.show(t("password.changed"), 5000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(new Button(t("action.cancel"), click -> close()), change);
    }
}
