package com.keyward.user.ui;

import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserStatus;
import com.keyward.validation.NotFoundException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;

/** The Administration part of User Account Details: roles and account status (Manage Users). */
@org.springframework.stereotype.Component
public class AccountAdministration {

    public static final String ID = "account-administration";

    private final UserAdministration administration;
    private final RoleService roles;

    public AccountAdministration(UserAdministration administration, RoleService roles) {
        this.administration = administration;
        this.roles = roles;
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
        assigned.setValue(all.stream()
                .filter(role -> account.roles().contains(role.name()))
                .collect(Collectors.toSet()));
        assigned.setWidthFull();
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
        } else {
            status.add(new Button(
                    "Unlock account",
                    click -> act(
                            () -> administration.unlock(account.id()),
                            account.username() + " is unlocked.",
                            onChanged)));
        }
        Section section = new Section(new H3("Administration"), assigned, saveRoles, status);
        section.setId(ID);
        return Optional.of(section);
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
