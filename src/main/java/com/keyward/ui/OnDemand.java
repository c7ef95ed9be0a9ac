package com.keyward.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.dom.Element;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A section shown as its heading and one button until someone asks for it; then it is built, in
 * its place, and stays. A window open in many sessions at once (User Account Details) so holds
 * only what its reader opened: a form or a grid costs every session that shows it tens of KB.
 *
 * <p>{@code opened} remembers, across rebuilds of the same window, which sections its reader
 * opened: a window redrawn after a change shows them open again.
 */
public final class OnDemand extends Section {

    private OnDemand(String id, String heading, String show, Supplier<? extends Component> build, Set<String> opened) {
        setId(id);
        addClassName("on-demand");
        add(new SectionHeading(heading));
        Button open = new Button(show, click -> {
            opened.add(id);
            Element built = build.get().getElement();
            Element parent = getElement().getParent();
            int at = parent.indexOfChild(getElement());
            getElement().removeFromParent();
            parent.insertChild(at, built);
            // the button that had the focus is gone: the section's heading takes it
            built.executeJs("const heading = this.querySelector('h3'); if (heading) {"
                    + " heading.tabIndex = -1; heading.focus(); }");
        });
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.addClassName("show-section");
        add(open);
    }

    /** The section, built now if its reader opened it before in this window, else on demand. */
    public static Component section(
            String id, String heading, String show, Supplier<? extends Component> build, Set<String> opened) {
        return opened.contains(id) ? build.get() : new OnDemand(id, heading, show, build, opened);
    }
}
