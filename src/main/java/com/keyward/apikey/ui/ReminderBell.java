package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.KeyReminder;
import com.keyward.apikey.KeyReminders;
import com.keyward.ui.HeaderItems;
import com.keyward.ui.Times;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.popover.Popover;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bell in the header: how many key reminders are unread; opening it lists them (keys that
 * expire within 30, 7 or 1 days, keys that have expired) and marks them read.
 */
@org.springframework.stereotype.Component
class ReminderBell implements HeaderItems {

    private final KeyReminders reminders;
    private final Clock clock;

    ReminderBell(KeyReminders reminders, Clock clock) {
        this.reminders = reminders;
        this.clock = clock;
    }

    @Override
    public Component create() {
        Button bell = new Button(VaadinIcon.BELL.create());
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bell.setId("reminder-bell");
        Span badge = new Span();
        badge.getElement().getThemeList().add("badge error primary small pill");
        badge.addClassName("reminder-count");
        Div wrapper = new Div(bell, badge);
        wrapper.addClassName("reminder-bell");
        Popover popover = new Popover();
        popover.setTarget(bell);
        popover.setAriaLabel(t("reminders.title"));
        popover.addOpenedChangeListener(opened -> {
            if (opened.isOpened()) {
                fill(popover);
                reminders.markAllRead();
            }
            show(bell, badge);
        });
        show(bell, badge);
        wrapper.add(popover);
        return wrapper;
    }

    private void show(Button bell, Span badge) {
        int unread = reminders.unread();
        badge.setText(Integer.toString(unread));
        badge.setVisible(unread > 0);
        bell.setAriaLabel(unread == 0 ? t("reminders.title") : t("reminders.unread", unread));
    }

    private void fill(Popover popover) {
        popover.removeAll();
        List<KeyReminder> mine = reminders.mine();
        if (mine.isEmpty()) {
            popover.add(new Paragraph(t("reminders.none")));
            return;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("reminder-list");
        Instant now = clock.instant();
        for (KeyReminder reminder : mine) {
            ListItem item = new ListItem(text(reminder, now));
            if (reminder.readAt() == null) {
                item.addClassName("unread");
            }
            list.add(item);
        }
        popover.add(list);
    }

    private static String text(KeyReminder reminder, Instant now) {
        if (reminder.kind() == KeyReminder.Kind.APPROVED) {
            return t(
                    "reminders.approved", reminder.keyName(), reminder.hint(), Times.minutes(reminder.createdAt(), ""));
        }
        if (reminder.kind() == KeyReminder.Kind.DENIED) {
            return t(
                    "reminders.denied",
                    reminder.keyName(),
                    reminder.hint(),
                    reminder.reason() == null ? "-" : reminder.reason(),
                    Times.minutes(reminder.createdAt(), ""));
        }
        if (reminder.kind() == KeyReminder.Kind.LEAKED) {
            return t("reminders.leaked", reminder.keyName(), reminder.hint(), Times.minutes(reminder.createdAt(), ""));
        }
        String when = Times.minutes(reminder.expiresAt(), "");
        if (!reminder.expiresAt().isAfter(now)) {
            return t("reminders.expired", reminder.keyName(), reminder.hint(), when);
        }
        Duration left = Duration.between(now, reminder.expiresAt());
        return left.toHours() < 24
                ? t("reminders.expires.withinday", reminder.keyName(), reminder.hint(), when)
                : t("reminders.expires", reminder.keyName(), reminder.hint(), ExpiresIn.days(left), when);
    }
}
