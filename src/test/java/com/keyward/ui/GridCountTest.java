package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.db.RowCount;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class GridCountTest extends BrowserlessTest {

    private final Grid<Long> grid = new Grid<>();
    private final Span label = new Span();
    /** What the filter is; the quick and exact counts answer per filter. */
    private final AtomicReference<String> filter = new AtomicReference<>("small");

    private final CountDownLatch slowCountMayAnswer = new CountDownLatch(1);
    private final AtomicReference<String> countedOnThread = new AtomicReference<>();
    private final AtomicReference<String> countedAs = new AtomicReference<>();

    @BeforeEach
    void show() {
        grid.addColumn(Object::toString);
    }

    private GridCount<Long, String> count() {
        return new GridCount<>(
                grid,
                label,
                query -> LongStream.range(query.getOffset(), query.getOffset() + query.getLimit())
                        .boxed()
                        .limit(Math.max(0, 40 - query.getOffset())),
                filter::get,
                which -> switch (which) {
                    case "small" -> RowCount.exact(12);
                    case "large" -> RowCount.about(62_500);
                    default -> RowCount.about(90_000);
                },
                which -> {
                    countedOnThread.set(Thread.currentThread().getName() + "/" + which);
                    var authentication = SecurityContextHolder.getContext().getAuthentication();
                    countedAs.set(authentication == null ? "nobody" : authentication.getName());
                    awaitQuietly(slowCountMayAnswer);
                    return which.equals("large") ? 62_417 : 88_888;
                },
                figure -> figure + " rows",
                figure -> "about " + figure + " rows");
    }

    @Test
    void aCheapCountIsExactAtOnceAndSizesTheGrid() {
        GridCount<Long, String> count = count();

        assertThat(label.getText()).isEqualTo("12 rows");
        assertThat(count.total()).isEqualTo(12);
        assertThat(grid.getLazyDataView().getItems()).hasSize(12);
        assertThat(countedOnThread.get()).as("no background count").isNull();
    }

    @Test
    void anExpensiveCountShowsTheEstimateFirstAndTheExactFigureWhenItArrives() {
        filter.set("large");
        GridCount<Long, String> count = count();

        // the grid did not wait: the estimate is shown while the count still runs
        assertThat(label.getText()).isEqualTo("about 62500 rows");
        assertThat(count.total()).isEqualTo(-1);
        assertThat(grid.getLazyDataView().getItemCountEstimate()).isEqualTo(62_500);

        slowCountMayAnswer.countDown();
        awaitLabel("62417 rows");
        assertThat(count.total()).isEqualTo(62_417);
        assertThat(countedOnThread.get()).isEqualTo("grid-count/large");
    }

    @Test
    void theBackgroundCountRunsAsThePersonWhoseGridItIs() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dana", null, List.of()));
        try {
            filter.set("large");
            count();
            slowCountMayAnswer.countDown();
            awaitLabel("62417 rows");
        } finally {
            SecurityContextHolder.clearContext();
        }
        // the services check the signed-in person's authority: the count must run as that person
        assertThat(countedAs).hasValue("dana");
    }

    @Test
    void aCountThatArrivesAfterTheFilterChangedIsIgnored() {
        filter.set("large");
        GridCount<Long, String> count = count();
        filter.set("small");
        count.refresh();
        assertThat(label.getText()).isEqualTo("12 rows");

        slowCountMayAnswer.countDown();
        // give the outdated count every chance to land
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < until) {
            runAccessTasks();
        }
        assertThat(label.getText()).isEqualTo("12 rows");
        assertThat(count.total()).isEqualTo(12);
    }

    private void awaitLabel(String expected) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!label.getText().equals(expected) && System.nanoTime() < until) {
            runAccessTasks();
            Thread.onSpinWait();
        }
        assertThat(label.getText()).isEqualTo(expected);
    }

    /** What other threads handed to the UI with {@code ui.access}; the test's thread holds the session's lock. */
    private static void runAccessTasks() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
