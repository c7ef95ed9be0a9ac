package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

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
                t("newuser.title"),
                VaadinIcon.PLUS.create(),
                click -> new NewUserDialog(administration, roles.all(), link -> {
                            onCreated.run();
                            links.handOver(List.of(link), false, t("newuser.done", link.username()));
                        })
                        .open());
        newUser.setId("new-user");
        newUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button importUsers = new Button(
                t("import.title"),
                VaadinIcon.UPLOAD.create(),
                click -> new ImportUsersDialog(imports, created -> {
                            onCreated.run();
                            links.handOver(created, false, t("import.done", created.size()));
                        })
                        .open());
        importUsers.setId("import-users");
        Div actions = new Div(newUser, importUsers);
        directorySyncs.ifAvailable(syncs -> {
            Button syncAll = Notices.syncButton(
                    t("admin.syncall"),
                    () -> {
                        DirectorySyncs.Result result = syncs.syncAllNow();
                        return t("admin.syncall.done", result.checked(), result.absent());
                    },
                    onCreated);
            syncAll.setId("sync-all");
            actions.add(syncAll);
        });
        return Optional.of(actions);
    }
}
