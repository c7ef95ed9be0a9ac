package com.keyward.user.ui;

import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.PublicAddress;
import com.keyward.user.AccountField;
import com.keyward.user.AccountSource;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.ProfileForm;
import com.keyward.user.SetPasswordLink;
import com.keyward.user.SetPasswordMail;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserImport;
import com.keyward.user.UserStatus;
import com.keyward.validation.NotFoundException;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.annotation.Nullable;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;

/**
 * What Manage Users adds: New user and Import users above the grid, and in User Account Details
 * the profile, roles, status, deactivation and password reset of another person's account.
 */
@org.springframework.stereotype.Component
public class AccountAdministration {

    public static final String ID = "account-administration";

    private final UserAdministration administration;
    private final UserImport imports;
    private final RoleService roles;
    private final PublicAddress address;
    private final SetPasswordMail mail;
    private final ObjectProvider<DirectorySyncs> directorySyncs;

    public AccountAdministration(
            UserAdministration administration,
            UserImport imports,
            RoleService roles,
            PublicAddress address,
            SetPasswordMail mail,
            ObjectProvider<DirectorySyncs> directorySyncs) {
        this.administration = administration;
        this.imports = imports;
        this.roles = roles;
        this.address = address;
        this.mail = mail;
        this.directorySyncs = directorySyncs;
    }

    /** New user and Import users, for whoever may manage users; {@code onCreated} refreshes the grid. */
    public Optional<Component> creating(Runnable onCreated) {
        if (!administration.mayManageUsers()) {
            return Optional.empty();
        }
        Button newUser = new Button(
                "New user",
                VaadinIcon.PLUS.create(),
                click -> new NewUserDialog(administration, roles.all(), link -> {
                            onCreated.run();
                            handOver(List.of(link), false, "New user " + link.username() + ": set-password link");
                        })
                        .open());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importUsers = new Button(
                "Import users",
                VaadinIcon.UPLOAD.create(),
                click -> new ImportUsersDialog(imports, links -> {
                            onCreated.run();
                            handOver(links, false, links.size() + " users imported: set-password links");
                        })
                        .open());
        importUsers.setId("import-users");
        Div actions = new Div(newUser, importUsers);
        directorySyncs.ifAvailable(syncs -> {
            Button syncAll = syncButton(
                    "Sync all now",
                    () -> {
                        DirectorySyncs.Result result = syncs.syncAllNow();
                        return "Directory sync: " + result.checked() + " accounts checked, " + result.absent()
                                + " no longer in the directory.";
                    },
                    onCreated);
            syncAll.setId("sync-all");
            actions.add(syncAll);
        });
        return Optional.of(actions);
    }

    /**
     * Where mail is set up, each link goes to its person and the administrator is told; a link
     * that could not be mailed, or every link without mail, is shown once on screen instead.
     */
    private void handOver(List<SetPasswordLink> links, boolean reset, String title) {
        List<SetPasswordLink> unsent = links;
        if (mail.enabled()) {
            unsent = links.stream().filter(link -> !mail.send(link, reset)).toList();
            int sent = links.size() - unsent.size();
            if (sent > 0) {
                success(
                        sent == 1
                                ? "A set-password link was mailed to "
                                        + links.getFirst().email() + "."
                                : sent + " set-password links were mailed.");
            }
            if (!unsent.isEmpty()) {
                error(unsent.size() + (unsent.size() == 1 ? " link" : " links")
                        + " could not be mailed: they are shown instead.");
            }
        }
        if (!unsent.isEmpty()) {
            new SetPasswordLinksDialog(unsent, address, title).open();
        }
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
                        && !account.directoryRoles().contains(role.name()))
                .collect(Collectors.toSet()));
        assigned.setWidthFull();
        if (!account.directoryRoles().isEmpty()) {
            assigned.setHelperText("Also by directory group (managed in the directory): "
                    + String.join(", ", account.directoryRoles()));
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
                                    handOver(
                                            List.of(link),
                                            true,
                                            "Password reset for " + account.username() + ": set-password link");
                                } catch (AccessDeniedException | IllegalStateException | NotFoundException refused) {
                                    error(refused.getMessage());
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
                Button syncNow = syncButton(
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
                success("Profile of " + account.username() + " saved.");
                onChanged.run();
            } catch (ValidationException refused) {
                errors.show(refused);
            } catch (AccessDeniedException | NotFoundException refused) {
                error(refused.getMessage());
            }
        });
        save.setId("save-profile");
        FormLayout form = new FormLayout(name, email, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        return new Div(formError, form, save);
    }

    /** Asks the directory now; says what it answered, or that it could not be asked (nothing changed then). */
    private static Button syncButton(String text, Supplier<String> sync, Runnable onChanged) {
        return new Button(text, VaadinIcon.REFRESH.create(), click -> {
            try {
                success(sync.get());
                onChanged.run();
            } catch (AccessDeniedException refused) {
                error(refused.getMessage());
            } catch (RuntimeException unreachable) {
                error("The directory cannot be reached; nothing was changed. " + unreachable.getMessage());
            }
        });
    }

    private static void confirm(String title, String text, String action, Runnable confirmed) {
        ConfirmDialog confirm = new ConfirmDialog(title, text, action, event -> confirmed.run());
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static void error(@Nullable String message) {
        Notification.show(message == null ? "Refused." : message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void act(Runnable change, String done, Runnable onChanged) {
        try {
            change.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            onChanged.run();
        } catch (AccessDeniedException | IllegalStateException | IllegalArgumentException | NotFoundException refused) {
            Notification.show(refused.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
