package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/** What the account screens tell an administrator after an action: done, refused, or the directory's answer. */
final class Notices {

    private Notices() {}

    static void success(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void error(Throwable refused) {
        error(t(refused));
    }

    static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Asks the directory now; says what it answered, or that it could not be asked (nothing changed then). */
    static Button syncButton(String text, Supplier<String> sync, Runnable onChanged) {
        return new Button(text, VaadinIcon.REFRESH.create(), click -> {
            try {
                success(sync.get());
                onChanged.run();
            } catch (AccessDeniedException refused) {
                error(refused);
            } catch (RuntimeException unreachable) {
                error(t("admin.sync.unreachable", String.valueOf(unreachable.getMessage())));
            }
        });
    }
}
