package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.validation.Translations;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Preferences on My account: the colour scheme, applied at once, and the language, in which the
 * page reloads. They are kept with the account ({@link Appearance}) and the shell applies them on
 * every page. They are here rather than in the user menu: as menu items they cost every open
 * page about 24 KB of session heap, for a choice made once.
 */
public final class Preferences extends Section {

    public static final String ID = "preferences";
    /** "Like the browser" in the language choice. */
    private static final String BROWSER = "";

    public Preferences(Appearance appearance) {
        setId(ID);
        addClassName("preferences");
        add(new SectionHeading(t("preferences.title")));

        RadioButtonGroup<Appearance.Scheme> scheme =
                RadioGroups.oneTabStop(new RadioButtonGroup<>(t("preferences.appearance")));
        scheme.setItems(Appearance.Scheme.values());
        scheme.setItemLabelGenerator(
                choice -> t("preferences.scheme." + choice.name().toLowerCase(Locale.ROOT)));
        scheme.setValue(appearance.current());
        scheme.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                appearance.choose(change.getValue());
                apply(change.getValue());
            }
        });

        List<String> choices = new ArrayList<>();
        choices.add(BROWSER);
        Translations.LANGUAGES.forEach(language -> choices.add(language.getLanguage()));
        RadioButtonGroup<String> language = RadioGroups.oneTabStop(new RadioButtonGroup<>(t("preferences.language")));
        language.setItems(choices);
        // each language named in itself, and marked as such for a screen reader's voice
        language.setRenderer(new ComponentRenderer<>(code -> {
            if (code.equals(BROWSER)) {
                return new Span(t("preferences.language.browser"));
            }
            Locale locale = Locale.forLanguageTag(code);
            Span name = new Span(locale.getDisplayLanguage(locale));
            name.getElement().setAttribute("lang", code);
            return name;
        }));
        language.setValue(appearance.language().map(Locale::getLanguage).orElse(BROWSER));
        language.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                appearance.chooseLanguage(
                        change.getValue().equals(BROWSER)
                                ? java.util.Optional.empty()
                                : java.util.Optional.of(Locale.forLanguageTag(change.getValue())));
                UI.getCurrent().getPage().reload();
            }
        });
        add(scheme, language);
    }

    /** Shows the page in this scheme. */
    public static void apply(Appearance.Scheme scheme) {
        UI.getCurrent()
                .getPage()
                .setColorScheme(
                        switch (scheme) {
                            case SYSTEM -> ColorScheme.Value.LIGHT_DARK;
                            case LIGHT -> ColorScheme.Value.LIGHT;
                            case DARK -> ColorScheme.Value.DARK;
                        });
    }
}
