package com.keyward.user.ui;

import com.keyward.role.RoleService;
import com.keyward.user.DirectorySyncs;
import com.keyward.user.UserAdministration;
import com.keyward.user.UserImport;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** Above the User Management grid, for Manage Users: New user, Import users and Sync all now. */
@org.springframework.stereotype.Component
public class UserManagementActions {

    private final UserAdministration administration;
    private final UserImport imports;
    private final RoleService roles;
    private final SetPasswordLinkHandOver links;
    private final ObjectProvider<DirectorySyncs> directorySyncs;

    UserManagementActions(
            UserAdministration administration,
            UserImport imports,
            RoleService roles,
            SetPasswordLinkHandOver links,
            ObjectProvider<DirectorySyncs> directorySyncs) {
        this.administration = administration;
        this.imports = imports;
        this.roles = roles;
        this.links = links;
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
                            links.handOver(List.of(link), false, "New user " + link.username() + ": set-password link");
                        })
                        .open());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importUsers = new Button(
                "Import users",
                VaadinIcon.UPLOAD.create(),
                click -> new ImportUsersDialog(imports, created -> {
                            onCreated.run();
                            links.handOver(created, false, created.size() + " users imported: set-password links");
                        })
                        .open());
        importUsers.setId("import-users");
        Div actions = new Div(newUser, importUsers);
        directorySyncs.ifAvailable(syncs -> {
            Button syncAll = Notices.syncButton(
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
}
