package com.keyward.apikey.ui;

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
        setHeaderTitle("Usage of \"" + key.name() + "\"");
        getElement().setAttribute("aria-label", "Usage of " + key.name());
        setWidth("min(44rem, 100vw)");
        Paragraph lastUse = new Paragraph(
                usage.lastUsedAt() == null
                        ? "Never used."
                        : "Last used " + Times.minutes(usage.lastUsedAt(), "")
                                + (usage.lastUsedAddress() == null ? "" : " from " + usage.lastUsedAddress()) + ".");
        Paragraph totals = new Paragraph(usage.calls() + " requests in the last " + ApiKeyUsage.DAYS
                + " days; refused: " + usage.refused401() + " × 401 (revoked, expired, owner cannot act), "
                + usage.refused403() + " × 403 (outside its API sets).");
        totals.setId("usage-totals");
        Grid<ApiKeyUsage.Day> days = new Grid<>();
        days.setAriaLabel("Requests per day");
        days.addColumn(day -> day.day().toString()).setHeader("Day (UTC)").setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::calls).setHeader("Requests").setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::refused401).setHeader("Refused 401").setAutoWidth(true);
        days.addColumn(ApiKeyUsage.Day::refused403).setHeader("Refused 403").setAutoWidth(true);
        days.setItems(usage.days().stream()
                .sorted(Comparator.comparing(ApiKeyUsage.Day::day).reversed())
                .toList());
        days.setHeight("14em");
        add(UsageChart.of(usage, 600, 120), lastUse, totals, days);
        getFooter().add(new Button("Close", click -> close()));
    }
}
