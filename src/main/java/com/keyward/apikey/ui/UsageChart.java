package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyUsage;
import com.keyward.ui.Text;
import com.vaadin.flow.component.Html;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Requests per day as a bar chart, drawn on the server: an SVG string (numbers only, nothing a
 * person typed) that the browser renders inline. It is an image to assistive technology, named by
 * a summary of what it shows; the day-by-day numbers are in the table next to it.
 */
public final class UsageChart {

    private static final String DAY = "d MMM";

    /** How tall the chart in a row of a key list is, in px. */
    private static final int CELL_HEIGHT = 22;

    /**
     * The chart in a row of a key list, drawn by the browser from {@link #cell}: a button named by
     * the chart's summary that opens the key's details ({@code open}), with a bar per day.
     */
    static final String CELL_TEMPLATE = "<vaadin-button theme=\"tertiary-inline\" class=\"usage-open\""
            + " aria-label=${item.usage.label} @click=${open}><span class=\"usage-bars\" aria-hidden=\"true\">"
            + "${item.usage.days.map(day => html`<span class=\"usage-day\">"
            + "<span class=\"usage-refused\" style=\"height:${day[1]}px\"></span>"
            + "<span class=\"usage-calls\" style=\"height:${day[0]}px\"></span></span>`)}</span></vaadin-button>";

    /**
     * What {@link #CELL_TEMPLATE} draws for one key: the button's name, and per day the heights in
     * px of its accepted and its refused calls.
     */
    public record Cell(String label, List<double[]> days) {}

    static Cell cell(String keyName, ApiKeyUsage usage) {
        long most = most(usage);
        List<double[]> days = usage.days().stream()
                .map(day -> new double[] {
                    height(day.calls(), most, CELL_HEIGHT),
                    height(day.refused401() + day.refused403(), most, CELL_HEIGHT)
                })
                .toList();
        return new Cell(t("keys.usage.of", keyName, summary(usage)), days);
    }

    /** A bar's height in px, one decimal: at least 1 px for a day with any calls. */
    private static double height(long count, long most, int height) {
        if (count == 0 || most == 0) {
            return 0;
        }
        return Math.max(1, Math.round((double) count / most * (height - 1) * 10) / 10.0);
    }

    private static long most(ApiKeyUsage usage) {
        return usage.days().stream()
                .mapToLong(day -> day.calls() + day.refused401() + day.refused403())
                .max()
                .orElse(0);
    }

    private UsageChart() {}

    /** A chart {@code width} × {@code height} px; bars for accepted calls, a red mark for refused ones. */
    static Html of(ApiKeyUsage usage, int width, int height) {
        long most = most(usage);
        double slot = (double) width / usage.days().size();
        // inside a div: Flow creates the root element itself (an <svg> made so would not be SVG);
        // the browser parses the inner markup, which puts the chart in the SVG namespace
        StringBuilder svg = new StringBuilder()
                .append(
                        "<div class=\"usage-chart-box\"><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"usage-chart\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(summary(usage))
                .append("\">");
        for (int i = 0; i < usage.days().size(); i++) {
            ApiKeyUsage.Day day = usage.days().get(i);
            double x = i * slot + slot * 0.1;
            double w = slot * 0.8;
            double calls = most == 0 ? 0 : (double) day.calls() / most * (height - 1);
            double refused = most == 0 ? 0 : (double) (day.refused401() + day.refused403()) / most * (height - 1);
            bar(svg, "usage-calls", x, height - calls, w, calls);
            bar(svg, "usage-refused", x, height - calls - refused, w, refused);
        }
        return new Html(svg.append("</svg></div>").toString());
    }

    private static void bar(StringBuilder svg, String kind, double x, double y, double w, double h) {
        if (h <= 0) {
            return;
        }
        svg.append(String.format(
                Locale.ROOT,
                "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                kind,
                x,
                y,
                w,
                Math.max(h, 1)));
    }

    /** What the chart shows, in words: its text alternative. */
    static String summary(ApiKeyUsage usage) {
        if (usage.calls() == 0 && usage.refused401() + usage.refused403() == 0) {
            return t("usage.none", ApiKeyUsage.DAYS);
        }
        ApiKeyUsage.Day busiest = usage.days().stream()
                .max(Comparator.comparingLong(ApiKeyUsage.Day::calls))
                .orElseThrow();
        return t(
                "usage.summary",
                usage.calls(),
                ApiKeyUsage.DAYS,
                DateTimeFormatter.ofPattern(DAY, Text.locale()).format(busiest.day()),
                busiest.calls(),
                usage.refused401(),
                usage.refused403());
    }
}
