package com.keyward.user.ui;

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
    final Button closeButton = new Button("Close");
    private final TextField single = new TextField("Set-password link");
    private final TextArea many = new TextArea("Set-password links (CSV)");
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
                        ? "Give this link to " + first.username()
                                + " (by a channel only they read). It lets them set their "
                                + "password once, until " + Times.minutes(first.expiresAt(), "")
                                + ". It cannot be shown "
                                + "again: if it is lost, reset the password for a new link."
                        : links.size()
                                + " accounts were created. Each link below lets its person set their password once, "
                                + "until " + Times.minutes(first.expiresAt(), "")
                                + ". The links cannot be shown again.");
        warning.addClassName("key-warning");
        warning.getElement().setAttribute("role", "alert");
        add(warning);
        if (links.size() == 1) {
            single.setValue(address.of(first.path()));
            single.setReadOnly(true);
            single.setWidthFull();
            single.setHelperText("For " + first.username() + " · valid until " + Times.minutes(first.expiresAt(), "")
                    + " · works once");
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
                    "Download");
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
        ShownOnce.close(
                saved,
                "Close without saving the link?",
                "You have not copied the link. It cannot be shown again; a new one needs a password reset.",
                this::closeAndForget);
    }

    private void closeAndForget() {
        single.clear();
        many.clear();
        removeAll();
        getFooter().removeAll();
        close();
    }
}
