package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.GeneratedApiKey;
import com.keyward.ui.CopyButton;
import com.keyward.ui.ShownOnce;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Save generated key window: the key, shown this once, with Copy to clipboard, Download and
 * Close. It does not close on Esc or an outside click. Closing wipes the key from every component
 * and drops the download handler, so nothing in the session holds it afterwards.
 */
public class SaveGeneratedKeyDialog extends Dialog {

    static final String KEY_FIELD_ID = "generated-key";
    static final String WARNING = "savekey.warning";

    final TextField keyField = new TextField(t("savekey.key"));
    final CopyButton copy;
    final Anchor download;
    final Button closeButton = new Button(t("action.close"));

    private volatile boolean saved;
    private final Runnable onClosed;

    public SaveGeneratedKeyDialog(GeneratedApiKey generated, Runnable onClosed) {
        this.onClosed = onClosed;
        setHeaderTitle(t("savekey.title"));
        getElement().setAttribute("aria-label", t("savekey.title"));
        setWidth("min(44rem, 100vw)");
        setCloseOnEsc(false);
        setCloseOnOutsideClick(false);

        Paragraph warning = new Paragraph(t(WARNING));
        warning.addClassName("key-warning");
        warning.getElement().setAttribute("role", "alert");
        keyField.setValue(generated.key());
        keyField.setReadOnly(true);
        keyField.setWidthFull();
        keyField.addClassName("generated-key");
        keyField.setHelperText(
                t("savekey.which", generated.info().name(), generated.info().hint()));

        copy = new CopyButton(keyField, KEY_FIELD_ID, "key", () -> saved = true);

        String fileName = fileName(generated.info().name());
        byte[] content = (generated.key() + "\n").getBytes(StandardCharsets.US_ASCII);
        download = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    saved = true;
                    return new DownloadResponse(
                            new ByteArrayInputStream(content), fileName, "text/plain", content.length);
                }),
                t("action.download"));
        download.getElement().setAttribute("download", fileName);
        download.addClassName("download-key");
        download.getElement().setAttribute("aria-label", t("savekey.download", fileName));

        Anchor docs = new Anchor("/swagger-ui.html", t("savekey.docs"));
        docs.setTarget("_blank");
        docs.addClassName("api-docs-link");
        Paragraph usage = new Paragraph(t("savekey.usage") + " ");
        usage.add(docs);
        add(warning, keyField, usage);
        closeButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        closeButton.addClickListener(click -> confirmClose());
        getFooter().add(copy, download, closeButton);
        // what the warning asks for first: copying. The window takes the focus as it opens, so
        // hand it over once it is open
        addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                copy.focus();
            }
        });
    }

    /** {@code <name>.APIKEY}, with anything but letters, digits, dot, dash and underscore replaced. */
    static String fileName(String keyName) {
        String safe = keyName.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return (safe.isEmpty() ? "key" : safe) + ".APIKEY";
    }

    private void confirmClose() {
        ShownOnce.close(saved, t("savekey.unsaved.title"), t("savekey.unsaved.text"), this::closeAndForget);
    }

    private void closeAndForget() {
        keyField.clear();
        removeAll();
        getFooter().removeAll();
        close();
        onClosed.run();
    }
}
