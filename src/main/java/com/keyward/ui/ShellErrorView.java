package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * A page that does not exist, or that this person may not open, inside the shell: the
 * navigation stays, the heading says what happened, and a link leads home.
 */
public abstract class ShellErrorView extends Main implements HasDynamicTitle {

    private final String titleKey;

    ShellErrorView(String titleKey) {
        this.titleKey = titleKey;
        addClassNames("page", "shell-error-view");
    }

    /** Fills the view; returns the HTTP status of a direct request. */
    int show(BeforeEnterEvent event, String explanation, int status) {
        removeAll();
        Anchor home = new Anchor("", t("error.home"));
        add(new Paragraph(explanation), new Paragraph(home));
        return status;
    }

    @Override
    public String getPageTitle() {
        return t(titleKey);
    }
}
