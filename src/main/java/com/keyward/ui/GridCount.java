package com.keyward.ui;

import com.keyward.db.RowCount;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A lazy grid whose total never holds it up. On every refresh the rows come at once with a quick
 * count: exact when that is cheap, otherwise the database's estimate, shown as "about …" (the grid
 * is sized by it and grows as it is scrolled). The exact figure is then counted on a background
 * thread, as the signed-in person, and replaces the estimate when it arrives (pushed); a newer
 * refresh makes an older count's answer moot.
 */
public final class GridCount<T, F> {

    private static final Logger LOG = LoggerFactory.getLogger(GridCount.class);

    private final Grid<T> grid;
    private final Span label;
    private final Supplier<F> filter;
    private final Function<F, RowCount> quick;
    private final ToLongFunction<F> exact;
    private final LongFunction<String> exactText;
    private final LongFunction<String> aboutText;
    private final GridLazyDataView<T> view;
    private long total = -1;
    private int generation;

    /**
     * Shows {@code grid}'s rows from {@code fetch} and its total in {@code label}. The filter is
     * read in the UI's thread at each refresh; {@code quick} answers at once, {@code exact} may
     * take its time and runs on another thread with that filter.
     */
    public GridCount(
            Grid<T> grid,
            Span label,
            CallbackDataProvider.FetchCallback<T, Void> fetch,
            Supplier<F> filter,
            Function<F, RowCount> quick,
            ToLongFunction<F> exact,
            LongFunction<String> exactText,
            LongFunction<String> aboutText) {
        this.grid = grid;
        this.label = label;
        this.filter = filter;
        this.quick = quick;
        this.exact = exact;
        this.exactText = exactText;
        this.aboutText = aboutText;
        this.view = grid.setItems(fetch);
        label.getElement().setAttribute("aria-live", "polite");
        refresh();
    }

    /** The exact number of rows, or -1 while it is being counted. */
    public long total() {
        return total;
    }

    /** After a filter or the data changed: rows again, and the count again. */
    public void refresh() {
        int counting = ++generation;
        total = -1;
        F current = filter.get();
        RowCount count = quick.apply(current);
        if (count.exact()) {
            settle(count.value());
        } else {
            view.setItemCountUnknown();
            view.setItemCountEstimate(clamp(Math.max(1, count.value())));
            label.setText(aboutText.apply(count.value()));
            countInBackground(counting, current);
        }
        grid.getDataProvider().refreshAll();
    }

    private void settle(long value) {
        total = value;
        view.setItemCountCallback(query -> clamp(value));
        label.setText(exactText.apply(value));
    }

    private void countInBackground(int counting, F current) {
        UI ui = UI.getCurrent();
        Runnable count = () -> {
            long value;
            try {
                value = exact.applyAsLong(current);
            } catch (RuntimeException failure) {
                // the estimate stays; the next refresh counts again
                LOG.warn("Counting a grid's rows failed: {}", failure.toString());
                return;
            }
            try {
                // runs when the session is free; its outcome is the label, nothing to wait for
                var unused = ui.access(() -> {
                    if (generation == counting) {
                        settle(value);
                    }
                });
            } catch (UIDetachedException gone) {
                // the page was closed while it counted
            }
        };
        Thread.ofVirtual()
                .name("grid-count")
                .start(new DelegatingSecurityContextRunnable(count, SecurityContextHolder.getContext()));
    }

    private static int clamp(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }
}
