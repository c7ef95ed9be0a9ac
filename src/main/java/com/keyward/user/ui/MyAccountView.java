package com.keyward.user.ui;

import com.keyward.user.AccountSource;
import com.keyward.user.Passwords;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** "My account": every signed-in person's own User Account Details, no authority needed. */
@Route(MyAccountView.ROUTE)
@PageTitle("My account")
@PermitAll
public class MyAccountView extends Main {

    public static final String ROUTE = "account";

    public MyAccountView(UserService users, Passwords passwords, ApiKeysPlace apiKeys) {
        addClassName("page");
        UserAccountDetails me = users.myAccount();
        if (me.source() == AccountSource.LOCAL) {
            Button change =
                    new Button("Change password", click -> new ChangePasswordDialog(passwords, me.username()).open());
            change.setId("change-password");
            add(change);
        } else {
            add(new Paragraph("You sign in through "
                    + (me.source() == AccountSource.SSO ? "single sign-on" : "your organisation's directory")
                    + ": your password is not kept in Keyward."));
        }
        add(new UserAccountDetailsPanel(me, true, apiKeys));
    }
}
