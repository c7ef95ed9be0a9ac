package com.keyward.user.ui;

import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.ui.Confirmations;
import com.keyward.ui.FieldErrors;
import com.keyward.user.AccountField;
import com.keyward.user.AccountSource;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.ProfileForm;
import com.keyward.user.SetPasswordLink;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserStatus;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * What Manage Users adds to User Account Details: the profile, roles, status, deactivation,
 * password reset and directory sync of another person's account.
 */
@org.springframework.stereotype.Component
public class AccountAdministration {

    public static final String ID = "account-administration";

    private final UserAdministration administration;
    private final RoleService roles;
    private final SetPasswordLinkHandOver links;
    private final ObjectProvider<DirectorySyncs> directorySyncs;

    public AccountAdministration(
            UserAdministration administration,
            RoleService roles,
            SetPasswordLinkHandOver links,
            ObjectProvider<DirectorySyncs> directorySyncs) {
        this.administration = administration;
        this.roles = roles;
        this.links = links;
        this.directorySyncs = directorySyncs;
    }

    /** The section for this account, or empty when the viewer may not administer it. */
    public Optional<Component> forAccount(UserAccountDetails account, Runnable onChanged) {
        if (!administration.mayAdminister(account)) {
            return Optional.empty();
        }
        List<RoleSummary> all = roles.all();
        MultiSelectComboBox<RoleSummary> assigned = new MultiSelectComboBox<>("Roles");
        assigned.setItems(all);
        assigned.setItemLabelGenerator(RoleSummary::name);
        // roles by a directory group are the directory's: shown in Roles, not given or taken here
        assigned.setValue(all.stream()
                .filter(role -> account.roles().contains(role.name())
                        && !account.mappedRoles().contains(role.name()))
                .collect(Collectors.toSet()));
        assigned.setWidthFull();
        if (!account.mappedRoles().isEmpty()) {
            assigned.setHelperText("Also by group (managed by the "
                    + (account.source() == AccountSource.SSO ? "identity provider" : "directory") + "): "
                    + String.join(", ", account.mappedRoles()));
        }
        Button saveRoles = new Button(
                "Save roles",
                click -> act(
                        () -> administration.setRoles(
                                account.id(),
                                assigned.getValue().stream()
                                        .map(RoleSummary::id)
                                        .collect(Collectors.toSet())),
                        "Roles of " + account.username() + " saved.",
                        onChanged));
        saveRoles.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div status = new Div();
        status.addClassName("status-actions");
        if (account.status() == UserStatus.ENABLED) {
            Button disable = new Button(
                    "Disable account",
                    click -> act(
                            () -> administration.disable(account.id()),
                            account.username() + " can no longer sign in or use API keys.",
                            onChanged));
            disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
            status.add(disable);
        } else if (account.status() == UserStatus.DISABLED) {
            status.add(new Button(
                    "Enable account",
                    click -> act(
                            () -> administration.enable(account.id()),
                            account.username() + " can sign in again.",
                            onChanged)));
        } else if (account.status() == UserStatus.DIRECTORY_DISABLED) {
            status.add(new Paragraph("Disabled in the directory: only the directory can enable this account again."));
        } else {
            status.add(new Button(
                    "Unlock account",
                    click -> act(
                            () -> administration.unlock(account.id()),
                            account.username() + " is unlocked.",
                            onChanged)));
        }
        Button deactivate = new Button(
                "Deactivate…",
                click -> confirm(
                        "Deactivate " + account.username() + "?",
                        "The account is disabled, all of its API keys are revoked and its set-password links stop "
                                + "working. Its history stays. Revoked keys cannot be restored.",
                        "Deactivate",
                        () -> act(
                                () -> administration.deactivate(account.id()),
                                account.username() + " is deactivated; their API keys are revoked.",
                                onChanged)));
        deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deactivate.setId("deactivate-account");
        status.add(deactivate);
        if (account.source() == AccountSource.LOCAL) {
            Button reset = new Button(
                    "Reset password…",
                    click -> confirm(
                            "Reset the password of " + account.username() + "?",
                            "Their password stops working at once and their sessions end. You get a one-time link for "
                                    + "them to set a new one.",
                            "Reset password",
                            () -> {
                                try {
                                    SetPasswordLink link = administration.resetPassword(account.id());
                                    links.handOver(
                                            List.of(link),
                                            true,
                                            "Password reset for " + account.username() + ": set-password link");
                                } catch (AccessDeniedException | IllegalStateException | NotFoundException refused) {
                                    Notices.error(refused.getMessage());
                                }
                            }));
            reset.setId("reset-password");
            status.add(reset);
        }
        Section section = new Section(new H3("Administration"));
        if (account.source() == AccountSource.LOCAL) {
            section.add(profile(account, onChanged));
        } else {
            section.add(new Paragraph("Name and email come from the "
                    + (account.source() == AccountSource.DIRECTORY ? "directory" : "identity provider")
                    + " at every sign-in; the password is not Keyward's."));
        }
        if (account.source() == AccountSource.DIRECTORY) {
            directorySyncs.ifAvailable(syncs -> {
                Button syncNow = Notices.syncButton(
                        "Sync now",
                        () -> syncs.syncNow(account.username())
                                ? account.username() + " is in the directory: profile and roles refreshed."
                                : account.username() + " is no longer in the directory (or disabled there): disabled.",
                        onChanged);
                syncNow.setId("sync-now");
                status.add(syncNow);
            });
        }
        section.add(assigned, saveRoles, status);
        section.setId(ID);
        return Optional.of(section);
    }

    private Component profile(UserAccountDetails account, Runnable onChanged) {
        // labelled apart from the read-only profile above them in the same window
        TextField name = new TextField("Edit name");
        name.setValue(account.displayName());
        EmailField email = new EmailField("Edit email");
        email.setValue(account.email());
        DatePicker expires = new DatePicker("Edit account expiry");
        expires.setClearButtonVisible(true);
        expires.setHelperText("Empty: never");
        if (account.accountExpiresAt() != null) {
            expires.setValue(account.accountExpiresAt().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        Paragraph formError = new Paragraph();
        FieldErrors errors = new FieldErrors(formError)
                .field(AccountField.NAME, name)
                .field(AccountField.EMAIL, email)
                .field(AccountField.EXPIRES, expires);
        Button save = new Button("Save profile", click -> {
            errors.clear();
            try {
                administration.edit(
                        account.id(),
                        new ProfileForm(name.getValue(), email.getValue(), NewUserDialog.startOf(expires.getValue())));
                Notices.success("Profile of " + account.username() + " saved.");
                onChanged.run();
            } catch (ValidationException refused) {
                errors.show(refused);
            } catch (AccessDeniedException | NotFoundException refused) {
                Notices.error(refused.getMessage());
            }
        });
        save.setId("save-profile");
        FormLayout form = new FormLayout(name, email, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        return new Div(formError, form, save);
    }

    private static void confirm(String title, String text, String action, Runnable confirmed) {
        Confirmations.destructive(title, text, action, confirmed);
    }

    private static void act(Runnable change, String done, Runnable onChanged) {
        try {
            change.run();
            Notices.success(done);
            onChanged.run();
        } catch (AccessDeniedException | IllegalStateException | IllegalArgumentException | NotFoundException refused) {
            Notices.error(refused.getMessage());
        }
    }
}
