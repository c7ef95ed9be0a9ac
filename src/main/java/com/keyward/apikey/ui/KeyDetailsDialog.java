package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.AllowedNetworks;
import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyUsage;
import com.keyward.apiset.ApiSet;
import com.keyward.ui.SectionHeading;
import com.keyward.ui.Text;
import com.keyward.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Comparator;
import java.util.List;

/**
 * Everything about one key, never its secret: its fields, what each of its API sets unlocks,
 * and its use over 30 days (the chart, its numbers day by day, last use, refused calls).
 */
class KeyDetailsDialog extends Dialog {

    KeyDetailsDialog(ApiKeyInfo key, ApiKeyUsage usage, String status, List<ApiSet> sets) {
        setHeaderTitle(t("details.title", key.name()));
        getElement().setAttribute("aria-label", t("details.title", key.name()));
        addClassName("key-details");
        setWidth("min(44rem, 100vw)");
        FormLayout fields = new FormLayout(
                value(t("keys.name"), key.name()),
                value(t("details.hint"), key.hint()),
                value(t("keys.status"), status),
                value(t("keys.created"), Times.minutes(key.createdAt(), "")),
                value(t("keys.expires"), Times.minutes(key.expiresAt(), "")),
                value(t("keys.lastused"), Times.minutes(key.lastUsedAt(), t("time.never"))),
                value(
                        t("details.networks"),
                        key.allowedNetworks() == null
                                ? t("details.networks.anywhere")
                                : String.join(
                                        ", ",
                                        AllowedNetworks.stored(key.allowedNetworks())
                                                .ranges())));
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (key.description() != null) {
            TextArea description = new TextArea(t("keys.description"));
            description.setValue(key.description());
            description.setReadOnly(true);
            fields.add(description, 2);
        }
        UnorderedList unlocks = new UnorderedList();
        unlocks.addClassName("key-sets");
        for (ApiSet set : sets) {
            Span name = new Span(set.name());
            name.addClassName("key-set-name");
            unlocks.add(new ListItem(
                    name, new Span(" — " + Text.tOr("apiset." + set.code() + ".description", set.description()))));
        }
        add(fields, new SectionHeading(t("keys.sets")), unlocks, new SectionHeading(t("details.usage")));
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

    private static TextField value(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        return field;
    }
}
