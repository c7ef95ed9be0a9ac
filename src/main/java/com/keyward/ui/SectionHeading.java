package com.keyward.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H3;
import java.util.Optional;

/**
 * The heading of a section that appears both on a page (under the page's h1: level 2) and in a
 * window (under the window's h2 title: level 3), such as Roles or API Keys in User Account
 * Details, so that heading levels never skip one where it is shown.
 */
public class SectionHeading extends H3 {

    public SectionHeading(String text) {
        super(text);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (inDialog(this)) {
            getElement().removeAttribute("aria-level");
        } else {
            getElement().setAttribute("aria-level", "2");
        }
    }

    private static boolean inDialog(Component component) {
        Optional<Component> parent = component.getParent();
        while (parent.isPresent()) {
            if (parent.get() instanceof Dialog) {
                return true;
            }
            parent = parent.get().getParent();
        }
        return false;
    }
}
