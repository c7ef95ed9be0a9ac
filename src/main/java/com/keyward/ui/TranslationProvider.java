package com.keyward.ui;

import com.keyward.validation.Translations;
import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * English and German for Vaadin: a new session gets the browser's language when it is one of
 * these (else English), and components' {@code getTranslation} reads the same files as {@link Text}.
 */
@Component
public class TranslationProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Translations.LANGUAGES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.text(locale, key, params);
    }
}
