package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.db.DatabaseOutage;
import com.keyward.ops.RequestIds;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No failed action is silent: whatever a click, a dialog's button or a background task throws
 * reaches the person as an error notification that stays until they close it — "the database
 * cannot be reached" when that is the reason, otherwise a reference to the log line written for
 * it. The action's own transaction has rolled back, so nothing is half-saved.
 */
@Component
public class ConsoleErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(ConsoleErrors::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable failure = event.getThrowable();
        String reference = Objects.requireNonNullElseGet(RequestIds.current(), RequestIds::fresh);
        String message;
        if (DatabaseOutage.causes(failure)) {
            log.warn("An action failed, the database is away [{}]: {}", reference, failure.toString());
            message = t("console.outage");
        } else {
            log.error("An action failed [{}]", reference, failure);
            message = t("console.failed", reference);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            show(message);
        }
    }

    /** An error notification that stays until closed, announced to screen readers. */
    static void show(String message) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setPosition(Notification.Position.MIDDLE);
        notification.setDuration(0);
        notification.getElement().setAttribute("role", "alert");
        var close = new Button(t("action.close"), click -> notification.close());
        close.addClassName("error-close");
        var text = new Span(message);
        text.addClassName("console-error");
        notification.add(new HorizontalLayout(text, close));
        notification.open();
    }
}
