package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.db.DatabaseOutage;
import com.keyward.ops.RequestIds;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page that could not be built says why instead of staying blank: the database being away, or
 * an error with the reference of its log line. Outside the shell on purpose: the shell itself
 * needs the database to know who is signed in.
 */
@AnonymousAllowed
public class ErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        addClassName("error-view");
        Exception failure = parameter.getCaughtException();
        String reference = Objects.requireNonNullElseGet(RequestIds.current(), RequestIds::fresh);
        removeAll();
        if (DatabaseOutage.causes(failure)) {
            log.warn("A page could not be shown, the database is away [{}]: {}", reference, failure.toString());
            add(new H1(t("error.outage.title")), new Paragraph(t("error.outage.text")));
        } else {
            log.error("A page could not be shown [{}]", reference, failure);
            add(new H1(t("error.failed.title")), new Paragraph(t("error.failed.text", reference)));
        }
        Anchor again = new Anchor(event.getLocation().getPathWithQueryParameters(), t("error.retry"));
        again.setRouterIgnore(true);
        add(new Paragraph(again));
        return DatabaseOutage.causes(failure)
                ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
