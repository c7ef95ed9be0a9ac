package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApprovalField;
import com.keyward.apikey.KeyApprovals;
import com.keyward.security.Authorities;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Times;
import com.keyward.validation.Names;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Admin › Approvals: the keys that wait for an approver, oldest first, with their owner, name,
 * description, sets and the owner's justification; Approve, or Deny with a reason. One's own keys
 * are listed but cannot be decided. Needs Approve API Keys.
 */
@Route(ApprovalsView.ROUTE)
@Menu(order = 26, icon = "vaadin:check-square-o", title = "approvals.menu")
@RolesAllowed(Authorities.APPROVE_API_KEYS)
public class ApprovalsView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "admin/approvals";

    final Grid<KeyApprovals.Pending> grid = new Grid<>();
    final Paragraph none = new Paragraph(t("approvals.none"));
    private final KeyApprovals approvals;

    public ApprovalsView(KeyApprovals approvals) {
        this.approvals = approvals;
        addClassNames("page", "approvals-view");
        grid.setAriaLabel(t("approvals.menu"));
        grid.addColumn(request -> request.ownerDisplayName() + " (" + request.ownerUsername() + ")")
                .setHeader(t("approvals.owner"))
                .setAutoWidth(true)
                .setKey("owner");
        grid.addComponentColumn(request -> {
                    Div key = new Div(new Span(request.keyName()));
                    if (request.keyDescription() != null) {
                        Span description = new Span(request.keyDescription());
                        description.addClassName("secondary");
                        key.add(description);
                    }
                    key.addClassName("approval-key");
                    return key;
                })
                .setHeader(t("keys.name"))
                .setAutoWidth(true)
                .setKey("key");
        grid.addColumn(request -> String.join(", ", request.setNames()))
                .setHeader(t("keys.sets"))
                .setAutoWidth(true)
                .setKey("sets");
        grid.addColumn(KeyApprovals.Pending::justification)
                .setHeader(t("newkey.justification"))
                .setFlexGrow(1)
                .setKey("justification");
        grid.addColumn(request -> Times.minutes(request.requestedAt(), ""))
                .setHeader(t("approvals.requested"))
                .setAutoWidth(true)
                .setKey("requested");
        grid.addComponentColumn(this::actions)
                .setHeader(t("approvals.decision"))
                .setAutoWidth(true)
                .setKey("actions");
        grid.setAllRowsVisible(true);
        none.addClassName("approvals-none");
        add(none, grid);
        refresh();
    }

    private HorizontalLayout actions(KeyApprovals.Pending request) {
        Button approve = new Button(t("approvals.approve"), click -> approve(request));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        approve.setAriaLabel(t("approvals.approve.of", request.keyName(), request.ownerUsername()));
        Button deny = new Button(t("approvals.deny"), click -> deny(request));
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        deny.setAriaLabel(t("approvals.deny.of", request.keyName(), request.ownerUsername()));
        HorizontalLayout actions = new HorizontalLayout(approve, deny);
        if (request.own()) {
            // the service refuses it too; here it is said before anyone tries
            approve.setEnabled(false);
            deny.setEnabled(false);
            Span own = new Span(t("approvals.own"));
            own.addClassName("secondary");
            actions.add(own);
        }
        return actions;
    }

    private void approve(KeyApprovals.Pending request) {
        try {
            approvals.approve(request.keyId());
            Notification.show(
                            t("approvals.approved", request.keyName(), request.ownerUsername()),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException decided) {
            Notification.show(t(decided), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** Deny: a reason is required, and the owner reads it. */
    private void deny(KeyApprovals.Pending request) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(t("approvals.deny.title", request.keyName()));
        dialog.getElement().setAttribute("aria-label", t("approvals.deny.title", request.keyName()));
        dialog.setWidth("min(32rem, 100vw)");
        Paragraph formError = new Paragraph();
        TextArea reason = new TextArea(t("approvals.reason"));
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(Names.MAX_DESCRIPTION_LENGTH);
        reason.setHelperText(t("approvals.reason.hint"));
        reason.setWidthFull();
        reason.setAutofocus(true);
        FieldErrors errors = new FieldErrors(formError).field(ApprovalField.REASON, reason);
        Button deny = new Button(t("approvals.deny"), click -> {
            errors.clear();
            try {
                approvals.deny(request.keyId(), reason.getValue());
                dialog.close();
                Notification.show(
                                t("approvals.denied", request.keyName(), request.ownerUsername()),
                                4000,
                                Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        deny.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.add(formError, reason);
        dialog.getFooter().add(new Button(t("action.cancel"), click -> dialog.close()), deny);
        dialog.open();
    }

    private void refresh() {
        List<KeyApprovals.Pending> pending = approvals.pending();
        grid.setItems(pending);
        grid.setVisible(!pending.isEmpty());
        none.setVisible(pending.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return t("approvals.title");
    }
}
