package com.keyward.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Screen readers need the page's language: {@code <html lang="en">}. */
@Component
public class DocumentLanguage implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> {
            var html = response.getDocument().selectFirst("html");
            if (html != null) {
                html.attr("lang", "en");
            }
        });
    }
}
