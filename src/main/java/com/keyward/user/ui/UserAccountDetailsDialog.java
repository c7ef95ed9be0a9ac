package com.keyward.user.ui;

import com.keyward.apikey.ApiKeyAccess;
import com.keyward.user.UserAccountDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

/** The User Account Details window, opened from a username in User Management. */
public class UserAccountDetailsDialog extends Dialog {

    public UserAccountDetailsDialog(UserAccountDetails account, boolean ownAccount, ApiKeyAccess apiKeyAccess) {
        setHeaderTitle("User Account Details");
        getElement().setAttribute("aria-label", "User Account Details: " + account.username());
        setWidth("min(56rem, 100vw)");
        add(new UserAccountDetailsPanel(account, ownAccount, apiKeyAccess));
        Button close = new Button("Close", click -> close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }
}
