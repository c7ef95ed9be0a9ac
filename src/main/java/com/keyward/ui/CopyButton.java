package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.clipboard.Clipboard;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.jspecify.annotations.Nullable;

/**
 * "Copy to clipboard" for a secret shown once (a key, a set-password link), in the field with
 * the given id. Says whether it worked; where the browser refuses, selects the text for Ctrl+C.
 */
public class CopyButton extends Button {

    /**
     * navigator.clipboard exists only on secure origins (https, localhost). On a plain-http
     * intranet host the click itself copies the field's text the old way, inside the user's
     * gesture, and tells the server how it went.
     */
    private static final String INSECURE_ORIGIN_FALLBACK = """
            this.addEventListener('click', () => {
              if (window.isSecureContext && navigator.clipboard) { return; }
              const input = document.getElementById($0).querySelector('input, textarea');
              let copied = false;
              try {
                input.focus();
                input.select();
                copied = document.execCommand('copy');
              } catch (e) {
                copied = false;
              }
              this.dispatchEvent(new CustomEvent('keyward-fallback-copy', { detail: { copied } }));
            });
            """;

    private @Nullable Notification copiedNotice;
    private final String fieldId;
    private final AbstractField<?, String> field;
    private final String what;
    private boolean fallbackUsed;

    /**
     * @param what what is copied, for the messages: "key", "link" or "links" (keys copy.&lt;what&gt;.*)
     * @param onCopied runs after each successful copy
     */
    public <F extends AbstractField<?, String>> CopyButton(F field, String fieldId, String what, Runnable onCopied) {
        super(t("copy.button"), VaadinIcon.COPY.create());
        this.field = field;
        this.fieldId = fieldId;
        this.what = what;
        field.setId(fieldId);
        addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        Clipboard.onClick(this).writeText(field, copied -> copied(onCopied), failure -> {
            if (!fallbackUsed) {
                copyFailed();
            }
        });
        getElement()
                .addEventListener("keyward-fallback-copy", event -> {
                    fallbackUsed = true;
                    if (event.getEventData().get("event.detail.copied").asBoolean()) {
                        copied(onCopied);
                    } else {
                        copyFailed();
                    }
                })
                .addEventData("event.detail.copied");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs(INSECURE_ORIGIN_FALLBACK, fieldId);
    }

    private void copied(Runnable onCopied) {
        onCopied.run();
        // one notice, shown again on each copy: repeated copies do not stack toasts over the page
        if (copiedNotice == null) {
            copiedNotice = new Notification(t("copy." + what + ".copied"), 4000, Notification.Position.BOTTOM_START);
            copiedNotice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
        copiedNotice.close();
        copiedNotice.open();
    }

    private void copyFailed() {
        if (field instanceof com.vaadin.flow.component.Focusable<?> focusable) {
            focusable.focus();
        }
        field.getElement().executeJs("this.querySelector('input, textarea').select()");
        Notification.show(t("copy." + what + ".failed"), 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
