package com.keyward.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.TargetElement;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Lumo and our own small stylesheet, without any frontend build; light or dark as the system is
 * set, until the person chooses in the user menu ({@link Appearance}). Server push: a page whose
 * session an administrator ended goes to the sign-in page at once, not at its next click.
 */
@Push
@ColorScheme(ColorScheme.Value.LIGHT_DARK)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/keyward.css")
public class AppShell implements AppShellConfigurator {

    /**
     * Push's client (Atmosphere) listens for "unload", which browsers are retiring (a page with
     * such a listener cannot enter the back/forward cache, and Lighthouse flags it); "pagehide"
     * fires at the same moments, so its listener goes there. Runs before any other script.
     */
    static final String UNLOAD_AS_PAGEHIDE = """
            (() => {
              const as = type => (type === 'unload' ? 'pagehide' : type);
              const add = window.addEventListener;
              const remove = window.removeEventListener;
              window.addEventListener = function (type, ...rest) { return add.call(this, as(type), ...rest); };
              window.removeEventListener = function (type, ...rest) { return remove.call(this, as(type), ...rest); };
            })();""";

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
        settings.addInlineWithContents(
                TargetElement.HEAD, Inline.Position.PREPEND, UNLOAD_AS_PAGEHIDE, Inline.Wrapping.JAVASCRIPT);
    }
}
