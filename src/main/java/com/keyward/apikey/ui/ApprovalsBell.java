package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.KeyApprovals;
import com.keyward.ui.HeaderItems;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.RouterLink;

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
        int waiting = approvals.pendingCount();
        RouterLink link = new RouterLink(ApprovalsView.class);
        link.add(VaadinIcon.CHECK_SQUARE_O.create());
        link.setId("approvals-bell");
        link.getElement().setAttribute("aria-label", t("approvals.waiting", waiting));
        link.getElement().setAttribute("title", t("approvals.waiting", waiting));
        Span badge = new Span(Integer.toString(waiting));
        badge.getElement().getThemeList().add("badge primary small pill");
        badge.addClassName("approvals-count");
        badge.setVisible(waiting > 0);
        wrapper.add(link, badge);
        return wrapper;
    }
}
