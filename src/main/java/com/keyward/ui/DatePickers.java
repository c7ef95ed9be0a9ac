package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date picker in the reader's language: month and day names, the week starting where their
 * calendar starts it, the date written as they write it (and ISO 2026-11-01 accepted everywhere),
 * and a message for a date it cannot read.
 */
public final class DatePickers {

    private static final Pattern FORMATS = Pattern.compile("\\|");

    private DatePickers() {}

    public static DatePicker localized(DatePicker picker) {
        Locale locale = Text.locale();
        picker.setLocale(locale);
        // Sunday first as the picker counts (0 = Sunday), from the locale's own week
        DayOfWeek first = WeekFields.of(locale.getLanguage().equals("de") ? Locale.GERMANY : Locale.US)
                .getFirstDayOfWeek();
        List<DayOfWeek> sundayFirst = Arrays.stream(DayOfWeek.values())
                .sorted((a, b) -> Integer.compare(a.getValue() % 7, b.getValue() % 7))
                .toList();
        var i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(java.time.Month.values())
                        .map(month -> month.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                        .toList())
                .setWeekdays(sundayFirst.stream()
                        .map(day -> day.getDisplayName(TextStyle.FULL, locale))
                        .toList())
                .setWeekdaysShort(sundayFirst.stream()
                        .map(day -> day.getDisplayName(TextStyle.SHORT, locale))
                        .toList())
                .setFirstDayOfWeek(first.getValue() % 7)
                .setToday(t("date.today"))
                .setCancel(t("action.cancel"))
                .setBadInputErrorMessage(t("date.bad", t("date.example")));
        List<String> formats = List.of(FORMATS.split(t("date.formats")));
        i18n.setDateFormats(
                formats.getFirst(), formats.subList(1, formats.size()).toArray(String[]::new));
        picker.setI18n(i18n);
        return picker;
    }
}
