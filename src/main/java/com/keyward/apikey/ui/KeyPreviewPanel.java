package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.KeyPreview;
import com.keyward.apikey.KeyPreviews;
import com.keyward.apiset.ApiEndpoints;
import com.keyward.ui.Text;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Collection;
import java.util.Objects;

/**
 * "What this key can do", live as API sets are chosen: each set's endpoints, or in plain words why
 * its calls would be refused although it is selected. Announced politely to screen readers.
 */
class KeyPreviewPanel extends Div {

    private final KeyPreviews previews;

    KeyPreviewPanel(KeyPreviews previews) {
        this.previews = previews;
        addClassName("key-preview");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", t("preview.title"));
        getElement().setAttribute("aria-live", "polite");
        show(java.util.List.of());
    }

    void show(Collection<String> setCodes) {
        removeAll();
        Span heading = new Span(t("preview.title"));
        heading.addClassName("key-preview-title");
        add(heading);
        if (setCodes.isEmpty()) {
            add(new Paragraph(t("preview.none")));
            return;
        }
        for (KeyPreview.SetPreview set : previews.preview(setCodes).sets()) {
            Div block = new Div();
            block.addClassName("key-preview-set");
            Span name = new Span(set.set().name());
            name.addClassName("key-preview-set-name");
            block.add(name);
            String missing = set.missingAuthority();
            if (missing != null) {
                Paragraph refused = new Paragraph(
                        t("preview.refused", set.set().name(), Text.tOr("authority." + missing, missing)));
                refused.addClassName("key-preview-refused");
                block.add(refused);
            } else if (set.endpoints().isEmpty()) {
                block.add(new Paragraph(t(
                        "preview.external",
                        Objects.toString(set.set().ownerService(), set.set().name()))));
            } else {
                UnorderedList list = new UnorderedList();
                for (ApiEndpoints.Endpoint endpoint : set.endpoints()) {
                    list.add(new ListItem(
                            new Code(endpoint.method() + " " + endpoint.path()), new Span(" — " + endpoint.summary())));
                }
                block.add(list);
            }
            add(block);
        }
    }
}
