package com.keyward.ui;

import com.keyward.validation.Translations;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Which language a page speaks: the one the signed-in person chose in the user menu, else their
 * browser's when Keyward speaks it, else English. Decided for every page load before any view is
 * built, and written to {@code <html lang>} for screen readers and the browser's hyphenation.
 */
@Component
public class Languages implements VaadinServiceInitListener {

    private static final String DECIDED = Languages.class.getName() + ".decided";

    private final ObjectProvider<Appearance> appearance;

    Languages(ObjectProvider<Appearance> appearance) {
        this.appearance = appearance;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            var html = response.getDocument().selectFirst("html");
            if (html != null) {
                html.attr("lang", forRequest(response.getVaadinRequest()).getLanguage());
            }
        });
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Locale language = forRequest(VaadinRequest.getCurrent());
            ui.setLocale(language);
            ui.getSession().setLocale(language);
            ui.getPage().executeJs("document.documentElement.lang = $0", language.getLanguage());
            // Vaadin's connection indicator says "connection lost" outside any landmark: it is a status
            ui.getPage()
                    .executeJs("customElements.whenDefined('vaadin-connection-indicator').then(() =>"
                            + " document.querySelectorAll('vaadin-connection-indicator')"
                            + ".forEach(c => c.setAttribute('role', 'status')))");
        });
    }

    private Locale forRequest(VaadinRequest request) {
        // the bootstrap page and the UI it starts ask in one request: the person's choice is read once
        if (request != null && request.getAttribute(DECIDED) instanceof Locale decided) {
            return decided;
        }
        Optional<Locale> chosen =
                Optional.ofNullable(appearance.getIfAvailable()).flatMap(Appearance::language);
        Locale language = Translations.language(chosen.orElseGet(() -> browser(request)));
        if (request != null) {
            request.setAttribute(DECIDED, language);
        }
        return language;
    }

    private static Locale browser(VaadinRequest request) {
        if (request == null) {
            return Locale.ENGLISH;
        }
        var ranges = Locale.LanguageRange.parse(Optional.ofNullable(request.getHeader("Accept-Language"))
                .filter(header -> !header.isBlank())
                .orElse("en"));
        Locale best = Locale.lookup(ranges, Translations.LANGUAGES);
        return best == null ? Locale.ENGLISH : best;
    }
}
