package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.security.LoginView;
import com.keyward.ui.FieldErrors;
import com.keyward.user.AccountField;
import com.keyward.user.AccountRules;
import com.keyward.user.FirstAdmin;
import com.keyward.user.PasswordPolicy;
import com.keyward.user.Passwords;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The one-time set-up of an installation that has never had an administrator: the set-up token
 * from the log, then the first Admin's account. Answers 404 for good once any account has held
 * the Admin role (a locked or disabled Admin does not reopen it: see {@link FirstAdmin}).
 */
@Route(value = SetupView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class SetupView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "setup";
    public static final String DONE = "set-up";

    private final FirstAdmin firstAdmin;
    final PasswordField token = new PasswordField(t("setup.token"));
    final TextField username = new TextField(t("users.username"));
    final TextField name = new TextField(t("users.name"));
    final EmailField email = new EmailField(t("users.email"));
    final PasswordField password = new PasswordField(t("setup.password"));
    final Button create = new Button(t("setup.create"));
    private final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);

    public SetupView(FirstAdmin firstAdmin, Passwords passwords) {
        this.firstAdmin = firstAdmin;
        addClassNames("login-view", "setup-view");
        token.setHelperText(t("setup.token.hint"));
        token.setWidthFull();
        username.setHelperText(t(AccountRules.USERNAME_RULE));
        for (var field :
                new com.vaadin.flow.component.textfield.TextFieldBase<?, ?>[] {token, username, name, email, password
                }) {
            field.setRequiredIndicatorVisible(true);
            field.setWidthFull();
        }
        password.getElement().setAttribute("autocomplete", "new-password");
        PasswordStrengthMeter meter = new PasswordStrengthMeter(
                password,
                passwords.policy(),
                () -> new PasswordPolicy.Owner(username.getValue(), name.getValue(), email.getValue()));
        errors.field(AccountField.TOKEN, token)
                .field(AccountField.USERNAME, username)
                .field(AccountField.NAME, name)
                .field(AccountField.EMAIL, email)
                .field(AccountField.PASSWORD, password);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            errors.clear();
            try {
                firstAdmin.setup(
                        token.getValue(), username.getValue(), name.getValue(), email.getValue(), password.getValue());
                token.clear();
                password.clear();
                getUI().ifPresent(ui -> ui.navigate(LoginView.ROUTE + "?" + DONE));
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        add(
                new H1(t("setup.title")),
                new Paragraph(t("setup.text")),
                formError,
                token,
                username,
                name,
                email,
                password,
                meter,
                create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!firstAdmin.setupOpen()) {
            event.rerouteToError(NotFoundException.class);
        }
    }

    @Override
    public String getPageTitle() {
        return t("setup.title");
    }
}
