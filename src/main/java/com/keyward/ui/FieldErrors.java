package com.keyward.ui;

import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shows a refusal where each message belongs: next to its field, or in the form's alert at the
 * top for what concerns the whole (and for any field this form does not show). The one way both
 * dialogs report a {@link ValidationException}.
 */
public final class FieldErrors {

    private final Paragraph formError;
    private final Map<Enum<?>, Consumer<String>> targets = new HashMap<>();
    private final List<Runnable> clearers = new ArrayList<>();

    /** {@code formError} becomes the form's alert, hidden until there is something to say. */
    public FieldErrors(Paragraph formError) {
        this.formError = formError;
        formError.addClassName("form-error");
        formError.getElement().setAttribute("role", "alert");
        formError.setVisible(false);
        clearers.add(() -> formError.setVisible(false));
    }

    /** Messages for {@code key} go under this field. */
    public FieldErrors field(Enum<?> key, HasValidation field) {
        return target(
                key,
                message -> {
                    field.setErrorMessage(message);
                    field.setInvalid(true);
                },
                () -> {
                    field.setInvalid(false);
                    field.setErrorMessage(null);
                });
    }

    /** Messages for {@code key} are shown by {@code show}; {@code clear} takes them away again. */
    public FieldErrors target(Enum<?> key, Consumer<String> show, Runnable clear) {
        targets.put(key, show);
        clearers.add(clear);
        return this;
    }

    public void show(ValidationException refused) {
        clear();
        // in the reader's language (errors() is the English wording, for APIs and logs)
        refused.messages()
                .forEach((key, message) ->
                        targets.getOrDefault(key, this::onForm).accept(Text.t(message)));
    }

    public void clear() {
        clearers.forEach(Runnable::run);
    }

    private void onForm(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }
}
