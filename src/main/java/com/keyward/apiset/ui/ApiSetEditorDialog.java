package com.keyward.apiset.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetField;
import com.keyward.apiset.ApiSetForm;
import com.keyward.apiset.ApiSetService;
import com.keyward.ui.Confirmations;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Text;
import com.keyward.validation.Names;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers or edits an API set of another service: code (fixed once created), name*, description*
 * and owner service*. Keyward's own sets open read-only.
 */
public class ApiSetEditorDialog extends Dialog {

    final TextField code = new TextField(t("apisets.code"));
    final TextField name = new TextField(t("keys.name"));
    final TextArea description = new TextArea(t("keys.description"));
    final TextField ownerService = new TextField(t("apisets.owner"));
    final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);
    final Button save = new Button(t("action.save"));
    final Button delete = new Button(t("action.delete"));

    private final ApiSetService sets;
    private final Optional<ApiSet> existing;
    private final Runnable onChanged;

    public ApiSetEditorDialog(ApiSetService sets, Optional<ApiSet> existing, Runnable onChanged) {
        this.sets = sets;
        this.existing = existing;
        this.onChanged = onChanged;
        boolean editable = !existing.map(ApiSet::builtIn).orElse(false);
        String title =
                existing.map(set -> t("apisets.editor.title", set.name())).orElse(t("apisets.new"));
        setHeaderTitle(title);
        getElement().setAttribute("aria-label", title);
        setWidth("min(36rem, 100vw)");
        setCloseOnOutsideClick(false);

        code.setRequiredIndicatorVisible(true);
        code.setHelperText(t("apisets.code.hint"));
        code.setMaxLength(32);
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(Names.MAX_NAME_LENGTH);
        description.setRequiredIndicatorVisible(true);
        description.setMaxLength(Names.MAX_DESCRIPTION_LENGTH);
        description.setHelperText(t("apisets.description.hint"));
        ownerService.setRequiredIndicatorVisible(true);
        ownerService.setHelperText(t("apisets.owner.hint"));
        existing.ifPresentOrElse(
                set -> {
                    code.setValue(set.code());
                    code.setReadOnly(true);
                    name.setValue(set.name());
                    description.setValue(Text.tOr("apiset." + set.code() + ".description", set.description()));
                    ownerService.setValue(
                            set.builtIn() ? t("apisets.keyward") : Objects.toString(set.ownerService(), ""));
                },
                () -> code.setAutofocus(true));
        if (existing.isPresent()) {
            name.setAutofocus(true);
        }
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {name, description, ownerService}) {
            field.setReadOnly(!editable);
        }
        errors.field(ApiSetField.CODE, code)
                .field(ApiSetField.NAME, name)
                .field(ApiSetField.DESCRIPTION, description)
                .field(ApiSetField.OWNER_SERVICE, ownerService);

        FormLayout form = new FormLayout(code, name, description, ownerService);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        if (!editable) {
            add(new Paragraph(t("apisets.builtin.hint")));
        }
        add(formError, form);

        Button cancel = new Button(editable ? t("action.cancel") : t("action.close"), click -> close());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        save.setVisible(editable);
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setVisible(editable && existing.isPresent());
        delete.addClickListener(click -> existing.ifPresent(set -> Confirmations.destructive(
                t("apisets.delete.title", set.name()), t("apisets.delete.text"), t("action.delete"), this::delete)));
        getFooter().add(delete, cancel, save);
    }

    private void save() {
        errors.clear();
        ApiSetForm form =
                new ApiSetForm(code.getValue(), name.getValue(), description.getValue(), ownerService.getValue());
        try {
            if (existing.isPresent()) {
                sets.update(existing.get().code(), form);
            } else {
                sets.create(form);
            }
            close();
            onChanged.run();
        } catch (ValidationException refused) {
            errors.show(refused);
        }
    }

    private void delete() {
        try {
            existing.ifPresent(set -> sets.delete(set.code()));
            close();
            onChanged.run();
        } catch (ValidationException refused) {
            errors.show(refused);
        }
    }
}
