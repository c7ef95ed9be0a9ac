package com.keyward.role.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.security.Authorities;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/** Admin › Roles: the roles, and the editor (changes need Manage Roles). */
@Route(RolesView.ROUTE)
@Menu(order = 20, icon = "vaadin:key", title = "roles.menu")
@RolesAllowed(Authorities.VIEW_ROLES)
public class RolesView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "admin/roles";

    final Grid<RoleSummary> grid = new Grid<>();
    final Button create = new Button(t("roles.new"), VaadinIcon.PLUS.create());
    private final RoleService roles;

    public RolesView(RoleService roles) {
        this.roles = roles;
        addClassNames("page", "roles-view");
        grid.setAriaLabel(t("roles.menu"));
        grid.addComponentColumn(role -> {
                    Button open = new Button(role.name(), click -> edit(role));
                    open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    return open;
                })
                .setHeader(t("keys.name"))
                .setAutoWidth(true)
                .setKey("name");
        grid.addColumn(role -> role.description() == null ? "" : role.description())
                .setHeader(t("keys.description"))
                .setFlexGrow(1)
                .setKey("description");
        grid.addColumn(role -> role.builtIn() ? t("roles.builtin.label") : "")
                .setHeader(t("roles.builtin.label"))
                .setAutoWidth(true)
                .setKey("builtIn");
        grid.addColumn(RoleSummary::users)
                .setHeader(t("users.menu"))
                .setAutoWidth(true)
                .setKey("users");
        grid.setItems(new CallbackDataProvider<>(
                query -> roles.page(query.getOffset(), query.getLimit()).stream(), query -> roles.count()));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(roles.mayManageRoles());
        create.addClickListener(click -> new RoleEditorDialog(roles, Optional.empty(), this::refresh).open());
        add(create, grid);
    }

    private void edit(RoleSummary role) {
        new RoleEditorDialog(roles, Optional.of(roles.details(role.id())), this::refresh).open();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    @Override
    public String getPageTitle() {
        return t("roles.title");
    }
}
