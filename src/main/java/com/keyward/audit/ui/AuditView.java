package com.keyward.audit.ui;

import static com.keyward.ui.Text.t;

import com.keyward.audit.AuditEvent;
import com.keyward.audit.AuditEventType;
import com.keyward.audit.AuditFilter;
import com.keyward.audit.AuditService;
import com.keyward.security.Authorities;
import com.keyward.ui.DatePickers;
import com.keyward.ui.GridCount;
import com.keyward.ui.Labels;
import com.keyward.ui.NarrowScreens;
import com.keyward.ui.Times;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Admin › Audit: who did what to whom, newest first, paged and filtered in SQL. */
@Route(AuditView.ROUTE)
@Menu(order = 30, icon = "vaadin:records", title = "audit.menu")
@RolesAllowed(Authorities.VIEW_AUDIT_LOG)
public class AuditView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "admin/audit";

    final ComboBox<AuditEventType> type = new ComboBox<>(t("audit.type"));
    final TextField actor = new TextField(t("audit.actor"));
    final TextField target = new TextField(t("audit.target"));
    final DatePicker from = DatePickers.localized(new DatePicker(t("audit.from")));
    final DatePicker to = DatePickers.localized(new DatePicker(t("audit.to")));
    final Grid<AuditEvent> grid = new Grid<>();
    final Span total = new Span();

    public AuditView(AuditService audit) {
        addClassNames("page", "audit-view");
        type.setItems(AuditEventType.values());
        type.setItemLabelGenerator(Labels::of);
        type.setClearButtonVisible(true);
        for (TextField name : new TextField[] {actor, target}) {
            name.setPlaceholder(t("keys.owner.search"));
            name.setClearButtonVisible(true);
            name.setValueChangeMode(ValueChangeMode.LAZY);
        }
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        // the five filters in one row at 1280 px, German labels included
        type.setWidth("13em");
        actor.setWidth("10em");
        target.setWidth("10em");
        from.setWidth("9.5em");
        to.setWidth("9.5em");
        Component more = NarrowScreens.filtersToggle(this, List.of(actor, target, from, to));
        total.addClassName("total");
        total.setId("audit-count");
        HorizontalLayout filters = new HorizontalLayout(type, more, actor, target, from, to, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setAriaLabel(t("audit.grid"));
        grid.addColumn(event -> Times.seconds(event.occurredAt()))
                .setTooltipGenerator(event -> Times.utc(event.occurredAt()))
                .setHeader(t("audit.when"))
                .setAutoWidth(true)
                .setKey("when");
        grid.addColumn(event -> Labels.of(event.type()))
                .setHeader(t("audit.what"))
                .setAutoWidth(true)
                .setKey("type");
        grid.addColumn(event -> event.actorUsername() == null ? t("app.name") : event.actorUsername())
                .setHeader(t("audit.who"))
                .setAutoWidth(true)
                .setKey("actor");
        grid.addColumn(event -> event.targetUsername() == null ? "" : event.targetUsername())
                .setHeader(t("audit.whom"))
                .setAutoWidth(true)
                .setKey("target");
        grid.addColumn(event -> event.details() == null ? "" : event.details())
                .setHeader(t("audit.details"))
                .setFlexGrow(1)
                .setKey("details");
        grid.setEmptyStateText(t("audit.empty"));
        GridCount<AuditEvent, AuditFilter> count = new GridCount<>(
                grid,
                total,
                query -> audit.page(filter(), query.getOffset(), query.getLimit()).stream(),
                this::filter,
                audit::quickCount,
                audit::count,
                figure -> t("audit.count", figure),
                figure -> t("audit.count.about", figure));
        type.addValueChangeListener(change -> count.refresh());
        actor.addValueChangeListener(change -> count.refresh());
        target.addValueChangeListener(change -> count.refresh());
        from.addValueChangeListener(change -> count.refresh());
        to.addValueChangeListener(change -> count.refresh());
        add(filters, grid);
    }

    private AuditFilter filter() {
        return new AuditFilter(type.getValue(), actor.getValue(), target.getValue(), from.getValue(), to.getValue());
    }

    @Override
    public String getPageTitle() {
        return t("audit.title");
    }
}
