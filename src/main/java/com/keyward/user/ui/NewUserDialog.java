package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.RoleSummary;
import com.keyward.ui.DatePickers;
import com.keyward.ui.FieldErrors;
import com.keyward.user.AccountField;
import com.keyward.user.AccountForm;
import com.keyward.user.AccountRules;
import com.keyward.user.SetPasswordLink;
import com.keyward.user.UserAdministration;
import com.keyward.validation.Names;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * New user: a local account with roles and an optional expiry. Create hands the new account's
 * one-time set-password link to {@code onCreated}; nobody chooses another person's password.
 */
class NewUserDialog extends Dialog {

    final TextField username = new TextField(t("users.username"));
    final TextField name = new TextField(t("users.name"));
    final EmailField email = new EmailField(t("users.email"));
    final MultiSelectComboBox<RoleSummary> roles = new MultiSelectComboBox<>(t("users.roles"));
    final DatePicker expires = DatePickers.localized(new DatePicker(t("account.expires")));
    final Button create = new Button(t("newuser.create"));
    private final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);

    NewUserDialog(UserAdministration administration, List<RoleSummary> allRoles, Consumer<SetPasswordLink> onCreated) {
        setHeaderTitle(t("newuser.title"));
        getElement().setAttribute("aria-label", t("newuser.title"));
        setWidth("min(40rem, 100vw)");
        username.setRequiredIndicatorVisible(true);
        username.setAutofocus(true);
        username.setHelperText(t(AccountRules.USERNAME_RULE));
        username.setMaxLength(64);
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(Names.MAX_NAME_LENGTH);
        email.setRequiredIndicatorVisible(true);
        email.setMaxLength(AccountRules.MAX_EMAIL_LENGTH);
        roles.setItems(allRoles);
        roles.setItemLabelGenerator(RoleSummary::name);
        expires.setHelperText(t("newuser.expires.hint"));
        expires.setMin(LocalDate.now(ZoneOffset.UTC).plusDays(1));
        expires.setClearButtonVisible(true);
        FormLayout form = new FormLayout(username, name, email, roles, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(roles, 2);
        add(formError, form, new Paragraph(t("newuser.link")));
        errors.field(AccountField.USERNAME, username)
                .field(AccountField.NAME, name)
                .field(AccountField.EMAIL, email)
                .field(AccountField.ROLES, roles)
                .field(AccountField.EXPIRES, expires);

        Button cancel = new Button(t("action.cancel"), click -> close());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            errors.clear();
            try {
                SetPasswordLink link = administration.create(new AccountForm(
                        username.getValue(),
                        name.getValue(),
                        email.getValue(),
                        roles.getValue().stream().map(RoleSummary::id).collect(Collectors.toSet()),
                        startOf(expires.getValue())));
                close();
                onCreated.accept(link);
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(cancel, create);
    }

    static @Nullable Instant startOf(@Nullable LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
