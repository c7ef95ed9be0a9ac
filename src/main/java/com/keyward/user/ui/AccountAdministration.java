package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.ui.Confirmations;
import com.keyward.ui.DatePickers;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.SectionHeading;
import com.keyward.user.AccountField;
import com.keyward.user.AccountSource;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.ExternalAccounts;
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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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
    public static final String BOUNDARY_ID = "administration-boundary";

    private final UserAdministration administration;
    private final RoleService roles;
    private final SetPasswordLinkHandOver links;
    private final ObjectProvider<DirectorySyncs> directorySyncs;
    private final ExternalAccounts external;

    public AccountAdministration(
            UserAdministration administration,
            ExternalAccounts external,
            RoleService roles,
            SetPasswordLinkHandOver links,
            ObjectProvider<DirectorySyncs> directorySyncs) {
        this.administration = administration;
        this.external = external;
        this.roles = roles;
        this.links = links;
        this.directorySyncs = directorySyncs;
    }

    /**
     * The section for this account, built when the supplier is called, or empty when the viewer may
     * not administer it.
     */
    public Optional<Supplier<Component>> forAccount(UserAccountDetails account, Runnable onChanged) {
        if (!administration.mayAdminister(account)) {
            return Optional.empty();
        }
        if (!administration.withinBoundary(account)) {
            return Optional.of(() -> beyondBoundary(account));
        }
        return Optional.of(() -> section(account, onChanged));
    }

    /** Said instead of forms that could only be refused: the account holds authorities the viewer does not. */
    private static Component beyondBoundary(UserAccountDetails account) {
        Paragraph why = new Paragraph(t("admin.boundary", account.username()));
        why.setId(BOUNDARY_ID);
        Section section = new Section(new SectionHeading(t("admin.section")), why);
        section.setId(ID);
        return section;
    }

    private Component section(UserAccountDetails account, Runnable onChanged) {
        List<RoleSummary> all = roles.all();
        MultiSelectComboBox<RoleSummary> assigned = new MultiSelectComboBox<>(t("users.roles"));
        assigned.setItems(all);
        assigned.setItemLabelGenerator(RoleSummary::name);
        // roles by a directory group are the directory's: shown in Roles, not given or taken here
        assigned.setValue(all.stream()
                .filter(role -> account.roles().contains(role.name())
                        && !account.mappedRoles().contains(role.name()))
                .collect(Collectors.toSet()));
        assigned.setWidthFull();
        if (!account.mappedRoles().isEmpty()) {
            assigned.setHelperText(t(
                    account.source() == AccountSource.SSO ? "admin.mappedroles.sso" : "admin.mappedroles.directory",
                    String.join(", ", account.mappedRoles())));
        }
        Button saveRoles = new Button(
                t("admin.saveroles"),
                click -> act(
                        () -> administration.setRoles(
                                account.id(),
                                assigned.getValue().stream()
                                        .map(RoleSummary::id)
                                        .collect(Collectors.toSet())),
                        t("admin.saveroles.done", account.username()),
                        onChanged));
        saveRoles.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        Div status = new Div();
        status.addClassName("status-actions");
        if (account.status() == UserStatus.ENABLED) {
            Button disable = new Button(
                    t("admin.disable"),
                    click -> act(
                            () -> administration.disable(account.id()),
                            t("admin.disable.done", account.username()),
                            onChanged));
            disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
            status.add(disable);
        } else if (account.status() == UserStatus.DISABLED) {
            status.add(new Button(
                    t("admin.enable"),
                    click -> act(
                            () -> administration.enable(account.id()),
                            t("admin.enable.done", account.username()),
                            onChanged)));
        } else if (account.status() == UserStatus.DIRECTORY_DISABLED) {
            status.add(new Paragraph(t("admin.directorydisabled")));
        } else {
            status.add(new Button(
                    t("admin.unlock"),
                    click -> act(
                            () -> administration.unlock(account.id()),
                            t("admin.unlock.done", account.username()),
                            onChanged)));
        }
        Button deactivate = new Button(
                t("admin.deactivate.button"),
                click -> confirm(
                        t("admin.deactivate.title", account.username()),
                        t("admin.deactivate.text"),
                        t("admin.deactivate"),
                        () -> act(
                                () -> administration.deactivate(account.id()),
                                t("admin.deactivate.done", account.username()),
                                onChanged)));
        deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deactivate.setId("deactivate-account");
        status.add(deactivate);
        if (account.source() == AccountSource.LOCAL) {
            Button reset = new Button(
                    t("admin.reset.button"),
                    click -> confirm(
                            t("admin.reset.title", account.username()), t("admin.reset.text"), t("admin.reset"), () -> {
                                try {
                                    SetPasswordLink link = administration.resetPassword(account.id());
                                    links.handOver(List.of(link), true, t("admin.reset.done", account.username()));
                                } catch (AccessDeniedException | IllegalStateException | NotFoundException refused) {
                                    Notices.error(refused);
                                }
                            }));
            reset.setId("reset-password");
            status.add(reset);
            Button link = new Button(
                    t("link.button"),
                    click -> new LinkIdentityDialog(account, external, directorySyncs.getIfAvailable(), onChanged)
                            .open());
            link.setId("link-identity");
            status.add(link);
        }
        Section section = new Section(new SectionHeading(t("admin.section")));
        if (account.source() == AccountSource.LOCAL) {
            section.add(profile(account, onChanged));
        } else {
            section.add(new Paragraph(t(
                    account.source() == AccountSource.DIRECTORY ? "admin.external.directory" : "admin.external.sso")));
        }
        if (account.source() == AccountSource.DIRECTORY) {
            directorySyncs.ifAvailable(syncs -> {
                Button syncNow = Notices.syncButton(
                        t("admin.sync"),
                        () -> syncs.syncNow(account.username())
                                ? t("admin.sync.found", account.username())
                                : t("admin.sync.gone", account.username()),
                        onChanged);
                syncNow.setId("sync-now");
                status.add(syncNow);
            });
        }
        section.add(assigned, saveRoles, status);
        section.setId(ID);
        return section;
    }

    private Component profile(UserAccountDetails account, Runnable onChanged) {
        // labelled apart from the read-only profile above them in the same window
        TextField name = new TextField(t("admin.editname"));
        name.setValue(account.displayName());
        EmailField email = new EmailField(t("admin.editemail"));
        email.setValue(account.email());
        DatePicker expires = DatePickers.localized(new DatePicker(t("admin.editexpiry")));
        expires.setClearButtonVisible(true);
        expires.setHelperText(t("admin.editexpiry.hint"));
        if (account.accountExpiresAt() != null) {
            expires.setValue(account.accountExpiresAt().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        Paragraph formError = new Paragraph();
        FieldErrors errors = new FieldErrors(formError)
                .field(AccountField.NAME, name)
                .field(AccountField.EMAIL, email)
                .field(AccountField.EXPIRES, expires);
        Button save = new Button(t("admin.saveprofile"), click -> {
            errors.clear();
            try {
                administration.edit(
                        account.id(),
                        new ProfileForm(name.getValue(), email.getValue(), NewUserDialog.startOf(expires.getValue())));
                Notices.success(t("admin.saveprofile.done", account.username()));
                onChanged.run();
            } catch (ValidationException refused) {
                errors.show(refused);
            } catch (AccessDeniedException | NotFoundException refused) {
                Notices.error(refused);
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
            Notices.error(refused);
        }
    }
}
