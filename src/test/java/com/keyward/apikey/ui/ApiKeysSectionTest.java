package com.keyward.apikey.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.apikey.ApiKeyFormat;
import com.keyward.security.Authorities;
import com.keyward.ui.SignedInBrowserlessTest;
import com.keyward.user.ui.MyAccountView;
import com.keyward.user.ui.UsersView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KeywardTest
class ApiKeysSectionTest extends SignedInBrowserlessTest {

    @Autowired
    DSLContext dsl;

    String integrator;

    @BeforeEach
    void newIntegrator() {
        integrator = accounts().create("generator", List.of(Authorities.VIEW_USERS, Authorities.MANAGE_USER_API_KEY));
    }

    @Test
    void generateKeyAppearsOnlyOnTheViewersOwnAccount() {
        signInAs(integrator);
        navigate(MyAccountView.class);
        assertThat($(ApiKeysSection.class).single().generate.isVisible()).isTrue();
        assertThat($(Button.class).withText("Generate key").exists()).isTrue();

        navigate(UsersView.class, "sam");
        ApiKeysSection others = showApiKeys();
        assertThat($(Button.class, others).withText("Generate key").exists()).isFalse();
        assertThat($(Paragraph.class, others)
                        .withText("You can see only your own API keys.")
                        .exists())
                .isTrue();
    }

    @Test
    void anAdminLookingAtSomeoneElseSeesTheirKeysButCannotGenerateForThem() {
        signInAs(integrator);
        generateThroughTheWindow("for the admin to see");
        signInAs("admin");
        navigate(UsersView.class, integrator);

        // another person's keys are shown when asked for: the window holds no grid until then
        assertThat($(ApiKeysSection.class).exists()).isFalse();
        ApiKeysSection section = showApiKeys();
        assertThat($(Button.class, section).withText("Generate key").exists()).isFalse();
        assertThat(test(section.grid).size()).isEqualTo(1);
        assertThat(test(section.grid).getRow(0).name()).isEqualTo("for the admin to see");
        // someone else's key: revoke, never roll
        assertThat(action(section, "revoke"))
                .isEqualTo(new ApiKeysSection.Action("Revoke", "Revoke for the admin to see"));
        assertThat(action(section, "roll")).isEqualTo(ApiKeysSection.Action.NONE);
        test(section.grid).invokeLitRendererFunction(0, "actions", "roll");
        assertThat($(RollApiKeyDialog.class).exists()).isFalse();

        test(section.grid).invokeLitRendererFunction(0, "actions", "revoke");
        test($(Button.class).withText("Revoke").last()).click();
        // the list shows active keys unless asked: the revoked key is one choice away
        assertThat(test(section.grid).size()).isZero();
        section.show.setValue(null);
        assertThat(test(section.grid).getRow(0).revokedAt()).isNotNull();
        assertThat(action(section, "revoke")).isEqualTo(ApiKeysSection.Action.NONE);
        assertThat(test(section.grid).getLitRendererPropertyValue(0, "status", "badge", ApiKeysSection.Badge.class))
                .isEqualTo(new ApiKeysSection.Badge("Revoked", "badge error", ""));
        // a revoked key's button is gone, and a call made without it revokes nothing twice
        test(section.grid).invokeLitRendererFunction(0, "actions", "revoke");
        assertThat($(Dialog.class).withClassName("confirmation").exists()).isFalse();
    }

    private ApiKeysSection showApiKeys() {
        test($(Button.class).withText("Show API keys").single()).click();
        return $(ApiKeysSection.class).single();
    }

    private ApiKeysSection.Action action(ApiKeysSection section, String which) {
        return test(section.grid).getLitRendererPropertyValue(0, "actions", which, ApiKeysSection.Action.class);
    }

    @Test
    void finishWithNothingFilledInShowsTheErrorsNextToTheFieldsAndStoresNothing() {
        signInAs(integrator);
        navigate(MyAccountView.class);
        test($(ApiKeysSection.class).single().generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();

        test(dialog.finish).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.name.isInvalid()).isTrue();
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter a name for the key.");
        assertThat(dialog.apiSets.isInvalid()).isTrue();
        assertThat(dialog.apiSets.getErrorMessage()).isEqualTo("Select at least one API set.");
        assertThat(keysOf(integrator)).isZero();
    }

    @Test
    void finishGeneratesTheKeyAndTheSaveGeneratedKeyWindowShowsItOnce() {
        signInAs(integrator);
        SaveGeneratedKeyDialog save = generateThroughTheWindow("ci pipeline");

        assertThat($(NewApiKeyDialog.class).exists()).isFalse();
        String key = save.keyField.getValue();
        assertThat(ApiKeyFormat.parse(key)).contains(key);
        assertThat(save.keyField.isReadOnly()).isTrue();
        assertThat(save.isCloseOnEsc()).isFalse();
        assertThat(save.isCloseOnOutsideClick()).isFalse();
        assertThat($(Paragraph.class, save)
                        .withText("After you generate the API key, you will not be able to see it. Copy the key first"
                                + " before taking any other action in the Save generated key window.")
                        .exists())
                .isTrue();
        assertThat(save.download.getElement().getAttribute("download")).isEqualTo("ci_pipeline.APIKEY");
        assertThat(test($(ApiKeysSection.class).single().grid).getRow(0).name()).isEqualTo("ci pipeline");
    }

    @Test
    void closingWithoutSavingAsksFirstAndAfterwardsNoComponentHoldsTheKey() {
        signInAs(integrator);
        SaveGeneratedKeyDialog save = generateThroughTheWindow("careless");
        String key = save.keyField.getValue();

        test(save.closeButton).click();
        assertThat($(Dialog.class).withClassName("confirmation").exists()).isTrue();
        assertThat(save.isOpened()).isTrue();
        test($(Button.class).withText("Close anyway").single()).click();

        assertThat(save.isOpened()).isFalse();
        assertThat(save.keyField.getValue()).isEmpty();
        assertThat(componentTexts(UI.getCurrent())).noneMatch(text -> text.contains(key));
    }

    @Test
    void presetsLongerThanTheRoleAllowsCannotBeChosen() {
        roleRepository.setLimit(accounts().roleOf(integrator), "MAX_API_KEY_LIFETIME_DAYS", 60);
        signInAs(integrator);
        navigate(MyAccountView.class);
        test($(ApiKeysSection.class).single().generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();

        RadioButtonGroup<ExpiryChoice> expiry = dialog.expiry;
        assertThat(expiry.getItemEnabledProvider().test(ExpiryChoice.DAYS_60)).isTrue();
        assertThat(expiry.getItemEnabledProvider().test(ExpiryChoice.DAYS_90)).isFalse();
        assertThat(expiry.getItemEnabledProvider().test(ExpiryChoice.YEAR)).isFalse();
        assertThat(expiry.getValue()).isEqualTo(ExpiryChoice.CUSTOM);
        assertThat(dialog.expiryDate.getMax())
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60));
    }

    @Test
    void atTheLimitGenerateKeyIsDisabledWithTheReasonBeforeAnyFormIsFilled() {
        roleRepository.setLimit(accounts().roleOf(integrator), "MAX_ACTIVE_API_KEYS", 2);
        signInAs(integrator);
        generateThroughTheWindow("first");
        test($(SaveGeneratedKeyDialog.class).single().closeButton).click();
        test($(Button.class).withText("Close anyway").single()).click();
        ApiKeysSection section = $(ApiKeysSection.class).single();
        assertThat(section.activeCount.getText()).isEqualTo("1 of 2 active");
        assertThat(section.generate.isEnabled()).isTrue();
        assertThat(section.limitReason.isVisible()).isFalse();

        test(section.generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();
        test(dialog.name).setValue("second");
        test($(Button.class, dialog.apiSets).withAriaLabel("Add all").single()).click();
        test(dialog.finish).click();

        assertThat(section.activeCount.getText()).isEqualTo("2 of 2 active");
        assertThat(section.generate.isEnabled()).isFalse();
        assertThat(section.limitReason.getText())
                .isEqualTo("You have 2 active API keys, the most your roles allow. Revoke one to generate another.");
        assertThat(section.generate.getElement().getAttribute("aria-describedby"))
                .isEqualTo("limit-reason");
    }

    @Test
    void theChooserShowsEachApiSetsDescriptionAndTheExpiryDate() {
        signInAs(integrator);
        navigate(MyAccountView.class);
        test($(ApiKeysSection.class).single().generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();

        assertThat($(Span.class, dialog.apiSets)
                        .withClassName("twin-col-item-description")
                        .all())
                .extracting(Span::getText)
                .contains("User accounts, paged and filtered (needs View Users).");
        // in the browser's language and time zone; a browserless UI speaks English in UTC
        String in90Days = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                .plusDays(90)
                .format(java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                        .withLocale(java.util.Locale.ENGLISH));
        assertThat(dialog.expiry.getHelperText()).startsWith("The key expires on " + in90Days);

        test(dialog.finish).click();
        assertThat(dialog.apiSets.isInvalid()).isTrue();
        var available = $(com.vaadin.flow.component.listbox.MultiSelectListBox.class, dialog.apiSets)
                .first();
        assertThat(available.getElement().getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(available.getElement().getAttribute("aria-describedby")).endsWith("-error");
    }

    @Test
    void myApiKeysIsTheSameSectionOnAPageOfItsOwnAndOnlyForThoseWhoMayHaveKeys() {
        signInAs(integrator);
        generateThroughTheWindow("on its own page");
        test($(SaveGeneratedKeyDialog.class).single().closeButton).click();
        test($(Button.class).withText("Close anyway").single()).click();

        MyApiKeysView page = navigate(MyApiKeysView.class);
        assertThat(test(page.section.grid).size()).isEqualTo(1);
        assertThat(test(page.section.grid).getRow(0).name()).isEqualTo("on its own page");
        assertThat(page.section.activeCount.getText()).endsWith(" active");

        signInAs("sam");
        assertThatThrownBy(() -> navigate(MyApiKeysView.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void downloadFileNamesAreSafe() {
        assertThat(SaveGeneratedKeyDialog.fileName("ci pipeline")).isEqualTo("ci_pipeline.APIKEY");
        assertThat(SaveGeneratedKeyDialog.fileName("../../etc/passwd")).isEqualTo("__.._etc_passwd.APIKEY");
        assertThat(SaveGeneratedKeyDialog.fileName("Zoë's key")).isEqualTo("Zo__s_key.APIKEY");
        assertThat(SaveGeneratedKeyDialog.fileName("")).isEqualTo("key.APIKEY");
    }

    @Test
    void theKeysNameOpensItsDetailsWithWhatEachApiSetUnlocksButNeverTheSecret() {
        signInAs(integrator);
        SaveGeneratedKeyDialog save = generateThroughTheWindow("detailed");
        String secret = save.keyField.getValue();
        test(save.copy).click();
        test(save.closeButton).click();

        ApiKeysSection section = $(ApiKeysSection.class).single();
        assertThat(test(section.grid).getLitRendererPropertyValue(0, "name", "name", String.class))
                .isEqualTo("detailed");
        // every property a row's cells are drawn from reaches the browser as JSON (a record Flow
        // cannot read is a failed request there, not here)
        var key = test(section.grid).getRow(0);
        section.grid.getColumns().forEach(column -> {
            if (column.getRenderer() instanceof com.vaadin.flow.data.renderer.LitRenderer<?> lit) {
                @SuppressWarnings("unchecked")
                var properties = ((com.vaadin.flow.data.renderer.LitRenderer<com.keyward.apikey.ApiKeyInfo>) lit)
                        .getValueProviders();
                properties.forEach((name, provider) -> assertThat(
                                com.vaadin.flow.internal.JacksonSerializer.toJson(provider.apply(key)))
                        .as(column.getKey() + "." + name)
                        .isNotNull());
            }
        });
        assertThat(com.vaadin.flow.internal.JacksonSerializer.toJson(test(section.grid)
                                .getLitRendererPropertyValue(0, "usage", "usage", UsageChart.Cell.class))
                        .get("days")
                        .size())
                .isEqualTo(30);
        test(section.grid).invokeLitRendererFunction(0, "name", "open");

        KeyDetailsDialog details = $(KeyDetailsDialog.class).single();
        assertThat(details.getHeaderTitle()).isEqualTo("Key \"detailed\"");
        assertThat($(com.vaadin.flow.component.textfield.TextField.class, details)
                        .all())
                .extracting(com.vaadin.flow.component.textfield.TextField::getValue)
                .contains("detailed", ApiKeyFormat.hint(secret), "Active")
                .doesNotContain(secret);
        assertThat($(com.vaadin.flow.component.textfield.TextArea.class, details)
                        .single()
                        .getValue())
                .isEqualTo("made by a browserless test");
        assertThat($(com.vaadin.flow.component.html.ListItem.class, details).all())
                .extracting(item -> item.getElement().getTextRecursively())
                .contains("Users API — User accounts, paged and filtered (needs View Users).");
        assertThat(details.getElement().getOuterHTML()).doesNotContain(secret);
    }

    @Test
    void badAllowedNetworksAreNamedNextToTheFieldAndGoodOnesAreKeptWithTheKey() {
        signInAs(integrator);
        long before = keysOf(integrator);
        navigate(MyAccountView.class);
        test($(ApiKeysSection.class).single().generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();
        test(dialog.name).setValue("limited");
        test($(Button.class, dialog.apiSets).withAriaLabel("Add all").single()).click();
        test(dialog.allowedNetworks).setValue("10.20.0.0/16\nintranet.example, fd00::/129");
        test(dialog.finish).click();

        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.allowedNetworks.isInvalid()).isTrue();
        assertThat(dialog.allowedNetworks.getErrorMessage())
                .contains("\"intranet.example\" is not an IPv4 or IPv6 network", "\"fd00::/129\"")
                .doesNotContain("\"10.20.0.0/16\"");
        assertThat(keysOf(integrator)).isEqualTo(before);

        test(dialog.allowedNetworks).setValue("10.20.0.0/16\nfd00::/8");
        test(dialog.finish).click();
        SaveGeneratedKeyDialog saved = $(SaveGeneratedKeyDialog.class).single();
        assertThat(saved.isOpened()).isTrue();
        assertThat(dsl.fetchValue(
                        "SELECT allowed_networks FROM api_key WHERE owner_id = ? AND name = 'limited'",
                        accounts().idOf(integrator)))
                .isEqualTo("10.20.0.0/16 fd00::/8");
    }

    private SaveGeneratedKeyDialog generateThroughTheWindow(String name) {
        navigate(MyAccountView.class);
        test($(ApiKeysSection.class).single().generate).click();
        NewApiKeyDialog dialog = $(NewApiKeyDialog.class).single();
        test(dialog.name).setValue(name);
        test(dialog.description).setValue("made by a browserless test");
        test($(Button.class, dialog.apiSets).withAriaLabel("Add all").single()).click();
        test(dialog.finish).click();
        return $(SaveGeneratedKeyDialog.class).single();
    }

    private long keysOf(String username) {
        return dsl.fetchCount(
                dsl.selectFrom("api_key").where("owner_id = ?", accounts().idOf(username)));
    }

    /** Every text, attribute and property value in the UI's element tree, to look for a secret. */
    private static List<String> componentTexts(Component root) {
        List<String> texts = new java.util.ArrayList<>();
        collect(root.getElement(), texts);
        return texts;
    }

    private static void collect(com.vaadin.flow.dom.Element element, List<String> texts) {
        texts.add(element.getText());
        element.getAttributeNames().forEach(name -> texts.add(String.valueOf(element.getAttribute(name))));
        element.getPropertyNames().forEach(name -> texts.add(String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(child -> collect(child, texts));
    }
}
