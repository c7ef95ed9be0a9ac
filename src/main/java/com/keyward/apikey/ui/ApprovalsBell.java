package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.KeyApprovals;
import com.keyward.ui.HeaderItems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

/**
 * For approvers, in the header: how many keys wait for an approver, linking to Admin › Approvals.
 * Nothing for anyone else.
 */
@org.springframework.stereotype.Component
class ApprovalsBell implements HeaderItems {

    private final KeyApprovals approvals;

    ApprovalsBell(KeyApprovals approvals) {
        this.approvals = approvals;
    }

    @Override
    public Component create() {
        Div wrapper = new Div();
        wrapper.addClassName("approvals-bell");
        if (!approvals.mayApprove()) {
            wrapper.setVisible(false);
            return wrapper;
        }
        RouterLink link = new RouterLink(ApprovalsView.class);
        link.add(VaadinIcon.CHECK_SQUARE_O.create());
        link.setId("approvals-bell");
        Span badge = new Span();
        badge.getElement().getThemeList().add("badge primary small pill");
        badge.addClassName("approvals-count");
        show(link, badge);
        // counted again after each navigation (a decision, someone's new key)
        wrapper.addAttachListener(attach -> {
            Registration counting = attach.getUI().addAfterNavigationListener(navigated -> show(link, badge));
            wrapper.addDetachListener(detach -> {
                counting.remove();
                detach.unregisterListener();
            });
        });
        wrapper.add(link, badge);
        return wrapper;
    }

    private void show(RouterLink link, Span badge) {
        int waiting = approvals.pendingCount();
        link.getElement().setAttribute("aria-label", t("approvals.waiting", waiting));
        link.getElement().setAttribute("title", t("approvals.waiting", waiting));
        badge.setText(Integer.toString(waiting));
        badge.setVisible(waiting > 0);
    }
}
