package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.ui.BoundedUpload;
import com.keyward.ui.Text;
import com.keyward.user.SetPasswordLink;
import com.keyward.user.UserImport;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Import users: a CSV file is read and every row checked (preview, nothing saved); Import creates
 * all of them in one transaction, or none, and hands their set-password links on.
 */
class ImportUsersDialog extends Dialog {

    static final int MAX_BYTES = UserImport.MAX_BYTES;

    final Grid<UserImport.Row> preview = new Grid<>();
    final Paragraph summary = new Paragraph();
    final Button importButton = new Button(t("import.import"));
    private final Upload upload;
    private String csv = "";

    // the upload's callback hands the file to the UI when it is next free; nothing waits for that
    @SuppressWarnings("FutureReturnValueIgnored")
    ImportUsersDialog(UserImport imports, Consumer<List<SetPasswordLink>> onImported) {
        setHeaderTitle(t("import.title"));
        getElement().setAttribute("aria-label", t("import.title"));
        setWidth("min(60rem, 100vw)");
        Paragraph how = new Paragraph(t("import.how"));
        // the limit holds on the server too: a file posted past the browser's check is cut off unread
        upload = new Upload(new BoundedUpload(
                MAX_BYTES,
                bytes -> getUI().ifPresent(ui ->
                        ui.access(() -> read(imports, new String(bytes, StandardCharsets.UTF_8)))),
                () -> getUI().ifPresent(ui -> ui.access(this::tooLarge))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        summary.addClassName("import-summary");
        summary.getElement().setAttribute("role", "status");
        preview.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        preview.addColumn(UserImport.Row::line)
                .setHeader(t("import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(UserImport.Row::username).setHeader(t("users.username"));
        preview.addColumn(UserImport.Row::name).setHeader(t("users.name"));
        preview.addColumn(UserImport.Row::email).setHeader(t("users.email"));
        preview.addColumn(row -> String.join(", ", row.roleNames())).setHeader(t("users.roles"));
        preview.addColumn(row -> row.problem() == null ? t("import.ok") : t(row.problem()))
                .setHeader(t("import.check"))
                .setFlexGrow(2);
        preview.setPartNameGenerator(row -> row.ok() ? null : "import-problem");
        preview.setHeight("18rem");
        preview.setVisible(false);
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(click -> {
            try {
                List<SetPasswordLink> links = imports.commit(new StringReader(csv));
                csv = "";
                close();
                onImported.accept(links);
            } catch (ValidationException refused) {
                summary.setText(
                        refused.messages().values().stream().map(Text::t).collect(Collectors.joining(" ")));
            }
        });
        add(how, upload, summary, preview);
        getFooter().add(new Button(t("action.cancel"), click -> close()), importButton);
    }

    void tooLarge() {
        csv = "";
        upload.clearFileList();
        preview.setVisible(false);
        importButton.setEnabled(false);
        summary.setText(t("import.toolarge", MAX_BYTES / (1024 * 1024)));
    }

    private void read(UserImport imports, String content) {
        csv = content;
        // ready for a corrected file
        upload.clearFileList();
        try {
            List<UserImport.Row> rows = imports.preview(new StringReader(content));
            long bad = rows.stream().filter(row -> !row.ok()).count();
            preview.setItems(rows);
            preview.setVisible(true);
            summary.setText(bad == 0 ? t("import.ready", rows.size()) : t("import.problems", bad, rows.size()));
            importButton.setEnabled(bad == 0);
        } catch (ValidationException refused) {
            preview.setVisible(false);
            importButton.setEnabled(false);
            summary.setText(refused.messages().values().stream().map(Text::t).collect(Collectors.joining(" ")));
        }
    }
}
