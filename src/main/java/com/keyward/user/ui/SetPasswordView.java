package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.security.LoginView;
import com.keyward.ui.FieldErrors;
import com.keyward.user.AccountField;
import com.keyward.user.PasswordPolicy;
import com.keyward.user.Passwords;
import com.keyward.user.SetPasswordLink;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Optional;

/**
 * The page a one-time set-password link opens. Public: it shows nothing of the account but its
 * username, and nothing at all for a link that does not work (expired, used or replaced).
 */
@Route(value = SetPasswordLink.ROUTE, autoLayout = false)
@AnonymousAllowed
public class SetPasswordView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    public static final String DONE = "password-set";

    private final Passwords passwords;
    final PasswordField password = new PasswordField(t("password.new"));
    final Button save = new Button(t("setpassword.save"));
    private final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);

    public SetPasswordView(Passwords passwords) {
        this.passwords = passwords;
        addClassNames("login-view", "set-password-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String token) {
        removeAll();
        add(new H1(t("app.name")));
        Optional<String> username = passwords.usernameOfLink(token);
        if (username.isEmpty()) {
            Paragraph gone = new Paragraph(t("setpassword.invalid"));
            gone.addClassName("form-error");
            gone.getElement().setAttribute("role", "alert");
            add(gone);
            return;
        }
        TextField user = new TextField(t("users.username"));
        user.setValue(username.get());
        user.setReadOnly(true);
        user.getElement().setAttribute("autocomplete", "username");
        password.setRequiredIndicatorVisible(true);
        password.getElement().setAttribute("autocomplete", "new-password");
        password.setWidthFull();
        PasswordStrengthMeter meter = new PasswordStrengthMeter(
                password, passwords.policy(), () -> PasswordPolicy.Owner.named(username.get()));
        errors.field(AccountField.PASSWORD, password);
        errors.field(AccountField.TOKEN, password);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            errors.clear();
            try {
                passwords.setWithLink(token, password.getValue());
                password.clear();
                getUI().ifPresent(ui -> ui.navigate(LoginView.ROUTE + "?" + DONE));
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        add(new Paragraph(t("setpassword.text")), formError, user, password, meter, save);
    }

    @Override
    public String getPageTitle() {
        return t("setpassword.title");
    }
}
