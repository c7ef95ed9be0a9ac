package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.RollOverlap;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Labels;
import com.keyward.ui.RadioGroups;
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

    final RadioButtonGroup<RollOverlap> overlap = RadioGroups.oneTabStop(new RadioButtonGroup<>(t("roll.overlap")));
    final Paragraph formError = new Paragraph();
    final Button finish = new Button(t("newkey.finish"));
    private final FieldErrors errors = new FieldErrors(formError);

    RollApiKeyDialog(ApiKeyService keys, ApiKeyInfo key, Clock clock, Consumer<GeneratedApiKey> onRolled) {
        setHeaderTitle(t("roll.title", key.name()));
        getElement().setAttribute("aria-label", t("keys.roll"));
        setWidth("min(36rem, 100vw)");
        setCloseOnOutsideClick(false);
        Instant now = clock.instant();
        overlap.setItems(RollOverlap.values());
        overlap.setItemLabelGenerator(choice -> Labels.of(choice)
                + (now.plus(choice.duration()).isAfter(key.expiresAt())
                        ? " " + t("roll.untilexpiry", Times.minutes(key.expiresAt(), ""))
                        : ""));
        overlap.setValue(RollOverlap.ONE_DAY);
        overlap.setHelperText(t("roll.overlap.hint"));
        add(new Paragraph(t("roll.text", key.hint())), formError, overlap);

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
        getFooter().add(new Button(t("action.cancel"), click -> close()), finish);
    }
}
