package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.db.DatabaseMonitor;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import org.jspecify.annotations.Nullable;

/**
 * A bar across the top of the page while the database is away, gone again when it is back —
 * pushed to open pages, so that people learn it before they try an action that would fail.
 */
public class DatabaseBanner extends Div {

    private final DatabaseMonitor database;
    private @Nullable Runnable unsubscribe;

    public DatabaseBanner(DatabaseMonitor database) {
        this.database = database;
        addClassName("database-banner");
        getElement().setAttribute("role", "alert");
        setText(t("database.banner"));
        setVisible(!database.reachable());
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // the banner changes whenever the session is free
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        setVisible(!database.reachable());
        unsubscribe = database.subscribe(reachable -> ui.access(() -> setVisible(!reachable)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        Runnable registered = unsubscribe;
        if (registered != null) {
            registered.run();
            unsubscribe = null;
        }
    }
}
