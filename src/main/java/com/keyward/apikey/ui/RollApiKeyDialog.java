package com.keyward.apikey.ui;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.RollOverlap;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Labels;
import com.keyward.ui.Times;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Roll key: a new key replaces one of one's own active keys (same name, description and API
 * sets, a fresh expiry), and the old key keeps working for the chosen overlap so that
 * deployments can switch without an outage. Finish hands the new key to Save generated key.
 */
class RollApiKeyDialog extends Dialog {

    final RadioButtonGroup<RollOverlap> overlap = new RadioButtonGroup<>("The old key keeps working");
    final Paragraph formError = new Paragraph();
    final Button finish = new Button("Finish");
    private final FieldErrors errors = new FieldErrors(formError);

    RollApiKeyDialog(ApiKeyService keys, ApiKeyInfo key, Clock clock, Consumer<GeneratedApiKey> onRolled) {
        setHeaderTitle("Roll key \"" + key.name() + "\"");
        getElement().setAttribute("aria-label", "Roll key");
        setWidth("min(36rem, 100vw)");
        setCloseOnOutsideClick(false);
        Instant now = clock.instant();
        overlap.setItems(RollOverlap.values());
        overlap.setItemLabelGenerator(choice -> Labels.of(choice)
                + (now.plus(choice.duration()).isAfter(key.expiresAt())
                        ? " (until it expires, " + Times.minutes(key.expiresAt(), "") + ")"
                        : ""));
        overlap.setValue(RollOverlap.ONE_DAY);
        overlap.setHelperText("Never beyond the old key's own expiry. During the overlap both keys count as active.");
        add(
                new Paragraph("A new key with the same name, description and API sets replaces " + key.hint()
                        + ". It is shown once, next."),
                formError,
                overlap);

        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.addClickListener(click -> {
            errors.clear();
            try {
                GeneratedApiKey rolled = keys.roll(key.id(), overlap.getValue());
                close();
                onRolled.accept(rolled);
            } catch (ValidationException refused) {
                errors.show(refused);
            }
        });
        getFooter().add(new Button("Cancel", click -> close()), finish);
    }
}
