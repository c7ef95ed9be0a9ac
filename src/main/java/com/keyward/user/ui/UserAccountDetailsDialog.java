package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.user.UserAccountDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The User Account Details window, opened from a username in User Management.
 *
 * <p>It does not close itself: Close, Esc and an outside click ask the owner ({@code onClose}) to
 * leave the window's URL, and the owner closes it when the URL changes. So Back, the Close button
 * and a bookmark all go through one path.
 */
public class UserAccountDetailsDialog extends Dialog {

    public UserAccountDetailsDialog(
            UserAccountDetails account,
            boolean ownAccount,
            ApiKeysPlace apiKeys,
            Optional<Supplier<Component>> administration,
            Set<String> opened,
            Runnable onClose) {
        setHeaderTitle(t("account.details"));
        getElement().setAttribute("aria-label", t("account.details.of", account.username()));
        setWidth("min(56rem, 100vw)");
        add(new UserAccountDetailsPanel(account, ownAccount, apiKeys, administration, opened));
        Button close = new Button(t("action.close"), click -> onClose.run());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        addDialogCloseActionListener(event -> onClose.run());
    }
}
