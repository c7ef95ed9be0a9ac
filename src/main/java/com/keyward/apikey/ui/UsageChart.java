package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyUsage;
import com.keyward.ui.Text;
import com.vaadin.flow.component.Html;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/**
 * Requests per day as a bar chart, drawn on the server: an SVG string (numbers only, nothing a
 * person typed) that the browser renders inline. It is an image to assistive technology, named by
 * a summary of what it shows; the day-by-day numbers are in the table next to it.
 */
final class UsageChart {

    private static final String DAY = "d MMM";

    private UsageChart() {}

    /** A chart {@code width} × {@code height} px; bars for accepted calls, a red mark for refused ones. */
    static Html of(ApiKeyUsage usage, int width, int height) {
        long most = usage.days().stream()
                .mapToLong(day -> day.calls() + day.refused401() + day.refused403())
                .max()
                .orElse(0);
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
