package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.ui.Appearance;
import com.keyward.ui.Preferences;
import com.keyward.user.AccountSource;
import com.keyward.user.Passwords;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/** "My account": every signed-in person's own User Account Details, no authority needed. */
@Route(MyAccountView.ROUTE)
@PermitAll
public class MyAccountView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "account";

    public MyAccountView(
            UserService users, Passwords passwords, ApiKeysPlace apiKeys, ObjectProvider<Appearance> appearance) {
        addClassName("page");
        UserAccountDetails me = users.myAccount();
        if (me.source() == AccountSource.LOCAL) {
            Button change = new Button(
                    t("account.changepassword"), click -> new ChangePasswordDialog(passwords, me.username()).open());
            change.setId("change-password");
            add(change);
        } else {
            add(new Paragraph(
                    t(me.source() == AccountSource.SSO ? "account.external.sso" : "account.external.directory")));
        }
        add(new UserAccountDetailsPanel(me, true, apiKeys));
        appearance.ifAvailable(chosen -> add(new Preferences(chosen)));
    }

    @Override
    public String getPageTitle() {
        return t("account.title");
    }
}
