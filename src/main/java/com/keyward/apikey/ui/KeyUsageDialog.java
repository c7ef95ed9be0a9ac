package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyUsage;
import com.keyward.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Comparator;

/** One key's use over 30 days: the chart, its numbers day by day, last use, refused calls. */
class KeyUsageDialog extends Dialog {

    KeyUsageDialog(ApiKeyInfo key, ApiKeyUsage usage) {
        setHeaderTitle(t("usage.title", key.name()));
        getElement().setAttribute("aria-label", t("usage.title", key.name()));
        setWidth("min(44rem, 100vw)");
        Paragraph lastUse = new Paragraph(
                usage.lastUsedAt() == null
                        ? t("usage.never")
                        : usage.lastUsedAddress() == null
                                ? t("usage.last", Times.minutes(usage.lastUsedAt(), ""))
                                : t("usage.last.from", Times.minutes(usage.lastUsedAt(), ""), usage.lastUsedAddress()));
        Paragraph totals = new Paragraph(
                t("usage.totals", usage.calls(), ApiKeyUsage.DAYS, usage.refused401(), usage.refused403()));
        totals.setId("usage-totals");
        Grid<ApiKeyUsage.Day> days = new Grid<>();
        days.setAriaLabel(t("usage.perday"));
        days.addColumn(day -> day.day().toString()).setHeader(t("usage.day")).setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::calls).setHeader(t("usage.requests")).setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::refused401)
                .setHeader(t("usage.refused401"))
                .setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::refused403)
                .setHeader(t("usage.refused403"))
                .setAutoWidth(true);
        days.setItems(usage.days().stream()
                .sorted(Comparator.comparing(ApiKeyUsage.Day::day).reversed())
                .toList());
        days.setHeight("14em");
        add(UsageChart.of(usage, 600, 120), lastUse, totals, days);
        getFooter().add(new Button(t("action.close"), click -> close()));
    }
}
