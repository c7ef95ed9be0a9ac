package com.keyward.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What the {@link StaticHtml} blocks inside a component show, read back for browserless tests. */
public final class StaticHtmlShown {

    private StaticHtmlShown() {}

    /** Every block under {@code root}, parsed as the browser would parse it. */
    public static Document in(Component root) {
        String html = root.getElement()
                .getChildren()
                .flatMap(child -> child.getComponent().stream())
                .flatMap(StaticHtmlShown::blocks)
                .map(block -> "<div>" + block.getInnerHtml() + "</div>")
                .collect(Collectors.joining());
        return Jsoup.parseBodyFragment(html);
    }

    private static java.util.stream.Stream<Html> blocks(Component component) {
        return component instanceof Html html
                ? java.util.stream.Stream.of(html)
                : component.getChildren().flatMap(StaticHtmlShown::blocks);
    }

    /** The value a profile shows under {@code label}, or null when it shows no such label. */
    public static String value(Component root, String label) {
        for (Element term : in(root).select("dl.profile dt")) {
            if (term.text().equals(label)) {
                Element value = term.nextElementSibling();
                return value == null ? null : value.text();
            }
        }
        return null;
    }
}
