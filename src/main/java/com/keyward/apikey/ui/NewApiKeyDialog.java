package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.AllowedNetworks;
import com.keyward.apikey.ApiKeyField;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.KeyPreviews;
import com.keyward.apikey.NewApiKey;
import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.role.RoleLimits;
import com.keyward.ui.DatePickers;
import com.keyward.ui.FieldErrors;
import com.keyward.ui.Labels;
import com.keyward.ui.RadioGroups;
import com.keyward.ui.Text;
import com.keyward.ui.Times;
import com.keyward.ui.TwinColSelect;
import com.keyward.validation.Names;
import com.keyward.validation.ValidationException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The New API Key window: Name*, Description, the Available API / Selected API chooser and the
 * expiry. Finish asks {@link ApiKeyService} to generate; its refusals appear next to the fields
 * and nothing is stored. On success the window closes and hands over the generated key.
 */
public class NewApiKeyDialog extends Dialog {

    final TextField name = new TextField(t("keys.name"));
    final TextArea description = new TextArea(t("keys.description"));
    final TwinColSelect<ApiSet> apiSets =
            new TwinColSelect<>(t("keys.sets"), t("newkey.available"), t("newkey.selected"));
    final RadioButtonGroup<ExpiryChoice> expiry = RadioGroups.oneTabStop(new RadioButtonGroup<>(t("keys.expires")));
    final DatePicker expiryDate = DatePickers.localized(new DatePicker(t("newkey.expirydate")));
    final TextArea allowedNetworks = new TextArea(t("newkey.networks"));
    /** Shown, and required, while a selected set needs an approver. */
    final Paragraph approvalNote = new Paragraph();

    final TextArea justification = new TextArea(t("newkey.justification"));
    final KeyPreviewPanel preview;
    final Paragraph formError = new Paragraph();
    private final FieldErrors errors = new FieldErrors(formError);
    final Button finish = new Button(t("newkey.finish"));

    private final ApiKeyService keys;
    private final Clock clock;
    private final Consumer<GeneratedApiKey> onGenerated;

    public NewApiKeyDialog(
            ApiKeyService keys,
            KeyPreviews previews,
            ApiSetCatalog catalog,
            Clock clock,
            Consumer<GeneratedApiKey> onGenerated) {
        this.keys = keys;
        this.preview = new KeyPreviewPanel(previews);
        this.clock = clock;
        this.onGenerated = onGenerated;
        RoleLimits limits = keys.myLimits();
        setHeaderTitle(t("newkey.title"));
        getElement().setAttribute("aria-label", t("newkey.title"));
        setWidth("min(48rem, 100vw)");
        setCloseOnOutsideClick(false);

        name.setRequiredIndicatorVisible(true);
        name.setAutofocus(true);
        name.setMaxLength(Names.MAX_NAME_LENGTH);
        name.setHelperText(t("newkey.name.hint"));
        description.setMaxLength(Names.MAX_DESCRIPTION_LENGTH);
        description.setHelperText(t("newkey.description.hint", Names.MAX_DESCRIPTION_LENGTH));
        apiSets.setItems(catalog.all());
        apiSets.setItemLabelGenerator(ApiSet::name);
        apiSets.setItemDescriptionGenerator(
                set -> Text.tOr("apiset." + set.code() + ".description", set.description()));
        apiSets.setRequiredIndicatorVisible(true);
        apiSets.addValueChangeListener(change -> {
            preview.show(change.getValue().stream().map(ApiSet::code).toList());
            showApproval(change.getValue());
        });
        approvalNote.addClassName("approval-note");
        approvalNote.setId("approval-note");
        justification.setRequiredIndicatorVisible(true);
        justification.setMaxLength(Names.MAX_DESCRIPTION_LENGTH);
        justification.setHelperText(t("newkey.justification.hint"));
        justification.getElement().setAttribute("aria-describedby", "approval-note");
        showApproval(Set.of());
        allowedNetworks.setHelperText(t("newkey.networks.hint"));
        allowedNetworks.setPlaceholder("10.20.0.0/16, fd00::/8");
        allowedNetworks.setMaxLength(AllowedNetworks.MAX_LENGTH);

        expiry.setItems(ExpiryChoice.values());
        expiry.setItemLabelGenerator(Labels::of);
        expiry.setItemEnabledProvider(choice -> choice.fitsWithin(limits.maxApiKeyLifetimeDays()));
        expiry.setValue(
                ExpiryChoice.DAYS_90.fitsWithin(limits.maxApiKeyLifetimeDays())
                        ? ExpiryChoice.DAYS_90
                        : ExpiryChoice.CUSTOM);
        String allowed = t("newkey.expires.allowed", limits.maxApiKeyLifetimeDays());
        expiry.setHelperText(expiresOn(allowed));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        expiryDate.setMin(today.plusDays(1));
        expiryDate.setMax(today.plusDays(limits.maxApiKeyLifetimeDays()));
        expiryDate.setVisible(expiry.getValue() == ExpiryChoice.CUSTOM);
        expiry.addValueChangeListener(change -> {
            expiryDate.setVisible(change.getValue() == ExpiryChoice.CUSTOM);
            expiry.setHelperText(expiresOn(allowed));
        });

        errors.field(ApiKeyField.NAME, name)
                .field(ApiKeyField.DESCRIPTION, description)
                .field(ApiKeyField.API_SETS, apiSets)
                .field(ApiKeyField.ALLOWED_NETWORKS, allowedNetworks)
                .field(ApiKeyField.JUSTIFICATION, justification)
                .target(
                        ApiKeyField.EXPIRES,
                        message -> {
                            HasValidation chosen = expiry.getValue() == ExpiryChoice.CUSTOM ? expiryDate : expiry;
                            chosen.setErrorMessage(message);
                            chosen.setInvalid(true);
                        },
                        () -> {
                            for (HasValidation field : new HasValidation[] {expiry, expiryDate}) {
                                field.setInvalid(false);
                                field.setErrorMessage(null);
                            }
                        });

        FormLayout form = new FormLayout(
                name, description, apiSets, preview, approvalNote, justification, expiry, expiryDate, allowedNetworks);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(formError, form);

        finish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        finish.addClickListener(click -> finish());
        Button cancel = new Button(t("action.cancel"), click -> close());
        getFooter().add(cancel, finish);
        name.addKeyPressListener(Key.ENTER, enter -> finish());
    }

    private void finish() {
        errors.clear();
        Instant expiresAt = expiresAt();
        NewApiKey request = new NewApiKey(
                name.getValue(),
                description.getValue(),
                apiSets.getValue().stream().map(ApiSet::code).collect(Collectors.toSet()),
                expiresAt,
                allowedNetworks.getValue(),
                justification.isVisible() ? justification.getValue() : null);
        try {
            GeneratedApiKey generated = keys.generate(request);
            close();
            onGenerated.accept(generated);
        } catch (ValidationException refused) {
            errors.show(refused);
        }
    }

    /**
     * Before Finish: which selected sets need an approver. The key is shown at once all the same,
     * and works for the other sets at once; for these once approved.
     */
    private void showApproval(Set<ApiSet> selected) {
        List<String> needing = selected.stream()
                .filter(ApiSet::needsApproval)
                .map(ApiSet::name)
                .sorted()
                .toList();
        approvalNote.setVisible(!needing.isEmpty());
        justification.setVisible(!needing.isEmpty());
        approvalNote.setText(needing.isEmpty() ? "" : t("newkey.approval", String.join(", ", needing)));
    }

    /** The chosen preset's expiry, shown next to the choice, then what the roles allow. */
    private String expiresOn(String allowed) {
        ExpiryChoice choice = expiry.getValue();
        if (choice == null || choice == ExpiryChoice.CUSTOM) {
            return allowed;
        }
        return t(
                        "newkey.expires.on",
                        Times.minutes(clock.instant().plus(choice.lifetime().orElseThrow()), "")) + " " + allowed;
    }

    /** A preset counts from now; a custom date means the start of that day, UTC. */
    private @Nullable Instant expiresAt() {
        ExpiryChoice choice = expiry.getValue();
        if (choice == null) {
            return null;
        }
        if (choice == ExpiryChoice.CUSTOM) {
            return expiryDate.getValue() == null
                    ? null
                    : expiryDate.getValue().atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return clock.instant().plus(choice.lifetime().orElseThrow());
    }
}
