package com.keyward.apiset.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetService;
import com.keyward.security.Authorities;
import com.keyward.ui.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * Admin › API Sets: Keyward's own sets (read-only) and the sets registered for other services,
 * which check keys through the Introspection API, each with whether a new key needs an approver
 * for it. Needs Manage API Sets.
 */
@Route(ApiSetsView.ROUTE)
@Menu(order = 27, icon = "vaadin:cluster", title = "apisets.menu")
@RolesAllowed(Authorities.MANAGE_API_SETS)
public class ApiSetsView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "admin/api-sets";

    final Grid<ApiSet> grid = new Grid<>();
    final Button create = new Button(t("apisets.new"), VaadinIcon.PLUS.create());
    private final ApiSetService sets;

    public ApiSetsView(ApiSetService sets) {
        this.sets = sets;
        addClassNames("page", "api-sets-view");
        grid.setAriaLabel(t("apisets.menu"));
        grid.addComponentColumn(set -> {
                    Button open = new Button(set.name(), click -> edit(set));
                    open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                    return open;
                })
                .setHeader(t("keys.name"))
                .setAutoWidth(true)
                .setFrozen(true)
                .setKey("name");
        grid.addColumn(ApiSet::code)
                .setHeader(t("apisets.code"))
                .setAutoWidth(true)
                .setKey("code");
        grid.addColumn(set -> Text.tOr("apiset." + set.code() + ".description", set.description()))
                .setHeader(t("keys.description"))
                .setFlexGrow(1)
                .setKey("description");
        grid.addColumn(set -> set.builtIn() ? t("apisets.keyward") : set.ownerService())
                .setHeader(t("apisets.owner"))
                .setAutoWidth(true)
                .setKey("owner");
        // a built-in set too: whether a new key works for it only after an approver's decision
        grid.addComponentColumn(set -> {
                    Checkbox needsApproval = new Checkbox(set.needsApproval());
                    needsApproval.setAriaLabel(t("apisets.approval.of", set.name()));
                    needsApproval.addValueChangeListener(change -> {
                        if (change.isFromClient()) {
                            ApiSet changed = sets.setNeedsApproval(set.code(), change.getValue());
                            Notification.show(
                                            t(
                                                    changed.needsApproval()
                                                            ? "apisets.approval.on"
                                                            : "apisets.approval.off",
                                                    changed.name()),
                                            4000,
                                            Notification.Position.BOTTOM_START)
                                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                            refresh();
                        }
                    });
                    return needsApproval;
                })
                .setHeader(t("apisets.approval"))
                .setAutoWidth(true)
                .setKey("approval");
        grid.setAllRowsVisible(true);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new ApiSetEditorDialog(sets, Optional.empty(), this::refresh).open());
        add(create, grid);
        refresh();
    }

    private void edit(ApiSet set) {
        new ApiSetEditorDialog(sets, Optional.of(set), this::refresh).open();
    }

    private void refresh() {
        grid.setItems(sets.all());
    }

    @Override
    public String getPageTitle() {
        return t("apisets.title");
    }
}
