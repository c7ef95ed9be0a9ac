package com.keyward.user.ui;

import com.keyward.user.UserService;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** "My account": every signed-in person's own User Account Details, no authority needed. */
@Route(MyAccountView.ROUTE)
@PageTitle("My account")
@PermitAll
public class MyAccountView extends Main {

    public static final String ROUTE = "account";

    public MyAccountView(UserService users, ApiKeysPlace apiKeys) {
        addClassName("page");
        add(new UserAccountDetailsPanel(users.myAccount(), true, apiKeys));
    }
}
