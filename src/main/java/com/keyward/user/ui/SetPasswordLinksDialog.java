package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.ui.CopyButton;
import com.keyward.ui.PublicAddress;
import com.keyward.ui.ShownOnce;
import com.keyward.ui.Times;
import com.keyward.user.SetPasswordLink;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Set-password links, shown this once (like Save generated key): one link with Copy to
 * clipboard, or many (an import) as a CSV to copy or download. Closing forgets them.
 */
public class SetPasswordLinksDialog extends Dialog {

    static final String LINK_FIELD_ID = "set-password-link";

    final CopyButton copy;
    final Button closeButton = new Button(t("action.close"));
    private final TextField single = new TextField(t("links.single"));
    private final TextArea many = new TextArea(t("links.many"));
    private volatile boolean saved;

    public SetPasswordLinksDialog(List<SetPasswordLink> links, PublicAddress address, String title) {
        setHeaderTitle(title);
        getElement().setAttribute("aria-label", title);
        setWidth("min(48rem, 100vw)");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);
        addClassName("set-password-links");

        SetPasswordLink first = links.getFirst();
        Paragraph warning = new Paragraph(
                links.size() == 1
                        ? t("links.single.warning", first.username(), Times.minutes(first.expiresAt(), ""))
                        : t("links.many.warning", links.size(), Times.minutes(first.expiresAt(), "")));
        warning.addClassName("key-warning");
        warning.getElement().setAttribute("role", "alert");
        add(warning);
        if (links.size() == 1) {
            single.setValue(address.of(first.path()));
            single.setReadOnly(true);
            single.setWidthFull();
            single.setHelperText(t("links.single.hint", first.username(), Times.minutes(first.expiresAt(), "")));
            copy = new CopyButton(single, LINK_FIELD_ID, "link", () -> saved = true);
            add(single);
            getFooter().add(copy);
        } else {
            String csv = "username,link,expires\n"
                    + links.stream()
                            .map(link -> link.username() + "," + address.of(link.path()) + "," + link.expiresAt())
                            .collect(Collectors.joining("\n"))
                    + "\n";
            many.setValue(csv);
            many.setReadOnly(true);
            many.setWidthFull();
            many.setMaxHeight("16rem");
            copy = new CopyButton(many, LINK_FIELD_ID, "links", () -> saved = true);
            byte[] content = csv.getBytes(StandardCharsets.UTF_8);
            Anchor download = new Anchor(
                    DownloadHandler.fromInputStream(event -> {
                        saved = true;
                        return new DownloadResponse(
                                new ByteArrayInputStream(content),
                                "set-password-links.csv",
                                "text/csv",
                                content.length);
                    }),
                    t("action.download"));
            download.getElement().setAttribute("download", "set-password-links.csv");
            download.addClassName("download-key");
            add(many);
            getFooter().add(copy, download);
        }
        closeButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        closeButton.addClickListener(click -> confirmClose());
        getFooter().add(closeButton);
    }

    private void confirmClose() {
        ShownOnce.close(saved, t("links.unsaved.title"), t("links.unsaved.text"), this::closeAndForget);
    }

    private void closeAndForget() {
        single.clear();
        many.clear();
        removeAll();
        getFooter().removeAll();
        close();
    }
}
