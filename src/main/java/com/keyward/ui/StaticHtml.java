package com.keyward.ui;

import com.vaadin.flow.component.Html;
import org.jsoup.nodes.Element;

/**
 * Read-only content drawn as one element: a block of text that never changes while it is shown
 * (a profile, a list of roles) costs the session one state node instead of one or two per line.
 * The markup is built with jsoup, whose {@link Element#text(String)} and {@link Element#attr(String,
 * String)} escape what they are given, so a name a person typed is shown as text, never parsed.
 */
public final class StaticHtml {

    private StaticHtml() {}

    public static Html of(Element root) {
        return new Html(root.outerHtml());
    }

    /**
     * A section heading as {@link SectionHeading} draws it: level 3 in a window (under its title),
     * level 2 on a page (under its h1).
     */
    public static Element heading(String text, boolean inWindow) {
        Element heading = new Element("h3").text(text);
        if (!inWindow) {
            heading.attr("aria-level", "2");
        }
        return heading;
    }
}
