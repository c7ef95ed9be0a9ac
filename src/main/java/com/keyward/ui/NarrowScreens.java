package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phone-sized screens: a view follows the window's width, shows its priority columns only, and
 * folds its secondary filters behind a "Filters" button.
 */
public final class NarrowScreens {

    /** Windows up to this wide (CSS pixels) are phone-sized. */
    public static final int PHONE_MAX_WIDTH = 640;

    private NarrowScreens() {}

    /** Calls {@code apply} with whether the window is phone-sized: once attached, and on every resize. */
    public static void follow(Component view, Consumer<Boolean> apply) {
        view.addAttachListener(attach -> {
            var page = attach.getUI().getPage();
            page.retrieveExtendedClientDetails(
                    details -> apply.accept(details.getWindowInnerWidth() <= PHONE_MAX_WIDTH));
            Registration resizing =
                    page.addBrowserWindowResizeListener(resize -> apply.accept(resize.getWidth() <= PHONE_MAX_WIDTH));
            view.addDetachListener(detach -> {
                resizing.remove();
                detach.unregisterListener();
            });
        });
    }

    /** Shows only the columns with these keys on a phone, every column otherwise. */
    public static void priorityColumns(Grid<?> grid, boolean narrow, List<String> priority) {
        grid.getColumns().forEach(column -> column.setVisible(!narrow || priority.contains(column.getKey())));
    }

    /**
     * A "Filters" button that shows and hides {@code secondary} on a phone (folded at first); on a
     * wider screen there is no button and the filters are always shown. The button is made the
     * first time the window is phone-sized: a desktop session never holds it.
     */
    public static Component filtersToggle(Component view, List<? extends Component> secondary) {
        Div place = new Div();
        place.addClassName("filters-toggle-place");
        follow(view, narrow -> {
            if (narrow && place.getChildren().findAny().isEmpty()) {
                place.add(toggle(secondary));
            }
            place.getChildren().forEach(toggle -> {
                toggle.setVisible(narrow);
                toggle.getElement().setAttribute("aria-expanded", "false");
            });
            secondary.forEach(filter -> filter.setVisible(!narrow));
        });
        return place;
    }

    private static Button toggle(List<? extends Component> secondary) {
        Button toggle = new Button(t("action.filters"), VaadinIcon.FILTER.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("filters-toggle");
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(click -> {
            boolean open = !"true".equals(toggle.getElement().getAttribute("aria-expanded"));
            toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
            secondary.forEach(filter -> filter.setVisible(open));
        });
        return toggle;
    }
}
