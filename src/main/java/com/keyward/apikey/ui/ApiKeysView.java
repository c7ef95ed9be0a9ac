package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyOverview;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.ApiKeyStatus;
import com.keyward.apikey.KeyFilter;
import com.keyward.apikey.KeyOverviewRow;
import com.keyward.apikey.KeySort;
import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.security.Authorities;
import com.keyward.ui.Confirmations;
import com.keyward.ui.Labels;
import com.keyward.ui.Times;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Admin › API Keys: every key of the organisation with its owner, filtered, sorted and paged in
 * SQL; revoke one or many (each audited); the filtered list as CSV. Never a key's secret.
 */
@Route(ApiKeysView.ROUTE)
@Menu(order = 25, icon = "vaadin:key", title = "keys.admin.menu")
@RolesAllowed(Authorities.REVOKE_USER_API_KEYS)
public class ApiKeysView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "admin/api-keys";

    final TextField owner = new TextField(t("keys.owner"));
    final ComboBox<ApiSet> apiSet = new ComboBox<>(t("keys.set"));
    final ComboBox<ApiKeyStatus> status = new ComboBox<>(t("keys.status"));
    final IntegerField expiringWithin = new IntegerField(t("keys.expiringwithin"));
    final IntegerField unusedFor = new IntegerField(t("keys.unusedfor"));
    final Grid<KeyOverviewRow> grid = new Grid<>();
    final Button revokeSelected = new Button(t("keys.revokeselected"));
    final Span count = new Span();

    private final ApiKeyOverview overview;
    private final ApiKeyService keys;
    private final Clock clock;

    public ApiKeysView(ApiKeyOverview overview, ApiKeyService keys, ApiSetCatalog catalog, Clock clock) {
        this.overview = overview;
        this.keys = keys;
        this.clock = clock;
        addClassNames("page", "api-keys-view");
        owner.setPlaceholder(t("keys.owner.search"));
        owner.setClearButtonVisible(true);
        owner.setValueChangeMode(ValueChangeMode.LAZY);
        apiSet.setItems(catalog.all());
        apiSet.setItemLabelGenerator(ApiSet::name);
        apiSet.setClearButtonVisible(true);
        status.setItems(ApiKeyStatus.values());
        status.setItemLabelGenerator(Labels::of);
        status.setClearButtonVisible(true);
        for (IntegerField days : new IntegerField[] {expiringWithin, unusedFor}) {
            days.setMin(1);
            days.setMax(3650);
            days.setClearButtonVisible(true);
            days.setValueChangeMode(ValueChangeMode.LAZY);
        }
        HorizontalLayout filters = new HorizontalLayout(owner, apiSet, status, expiringWithin, unusedFor);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        configureGrid();
        revokeSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revokeSelected.setEnabled(false);
        revokeSelected.addClickListener(click -> confirmRevoke());
        grid.addSelectionListener(selection ->
                revokeSelected.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        Anchor export = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    byte[] csv = overview.csv(filter()).getBytes(StandardCharsets.UTF_8);
                    return new DownloadResponse(new ByteArrayInputStream(csv), "api-keys.csv", "text/csv", csv.length);
                }),
                t("keys.export"));
        export.getElement().setAttribute("download", "api-keys.csv");
        count.setId("key-count");
        HorizontalLayout actions = new HorizontalLayout(count, revokeSelected, export);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        owner.addValueChangeListener(change -> refresh());
        apiSet.addValueChangeListener(change -> refresh());
        status.addValueChangeListener(change -> refresh());
        expiringWithin.addValueChangeListener(change -> refresh());
        unusedFor.addValueChangeListener(change -> refresh());
        add(filters, actions, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setAriaLabel(t("keys.admin.grid"));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        // the checkbox column's header says what it is (its select-all box stays away: "all"
        // would mean every key of everyone, not the rows in view)
        grid.getElement().executeJs("""
                        customElements.whenDefined('vaadin-grid-flow-selection-column').then(() => {
                          const column = this.querySelector('vaadin-grid-flow-selection-column');
                          if (column) {
                            column.headerRenderer = root => {
                              root.innerHTML = '';
                              const words = document.createElement('span');
                              words.className = 'visually-hidden';
                              words.textContent = $0;
                              root.append(words);
                            };
                          }
                        });""", t("keys.select"));
        // a click anywhere on a row selects it too, not only on its small box
        grid.addItemClickListener(click -> {
            if (grid.getSelectedItems().contains(click.getItem())) {
                grid.deselect(click.getItem());
            } else {
                grid.select(click.getItem());
            }
        });
        grid.addColumn(KeyOverviewRow::ownerUsername)
                .setHeader(t("keys.owner"))
                .setSortable(true)
                .setKey(KeySort.OWNER.name())
                .setAutoWidth(true);
        grid.addColumn(KeyOverviewRow::name).setHeader(t("keys.name")).setAutoWidth(true);
        grid.addColumn(row -> keys.setNames(Set.copyOf(row.apiSetCodes())))
                .setHeader(t("keys.sets"))
                .setAutoWidth(true);
        grid.addColumn(row -> Times.minutes(row.createdAt(), ""))
                .setTooltipGenerator(row -> Times.utc(row.createdAt()))
                .setHeader(t("keys.created"))
                .setSortable(true)
                .setKey(KeySort.CREATED.name())
                .setAutoWidth(true);
        grid.addColumn(row -> Times.minutes(row.expiresAt(), ""))
                .setTooltipGenerator(row -> Times.utc(row.expiresAt()))
                .setHeader(t("keys.expires"))
                .setSortable(true)
                .setKey(KeySort.EXPIRES.name())
                .setAutoWidth(true);
        grid.addColumn(row -> row.lastUsedAt() == null ? t("time.never") : Times.minutes(row.lastUsedAt(), ""))
                .setTooltipGenerator(row -> Times.utc(row.lastUsedAt()))
                .setHeader(t("keys.lastused"))
                .setSortable(true)
                .setKey(KeySort.LAST_USED.name())
                .setAutoWidth(true);
        grid.addColumn(row -> Labels.of(row.statusAt(clock.instant())))
                .setHeader(t("keys.status"))
                .setAutoWidth(true);
        grid.setEmptyStateText(t("keys.admin.empty"));
        grid.setItems(new CallbackDataProvider<KeyOverviewRow, Void>(
                query -> {
                    List<GridSortOrder<KeyOverviewRow>> orders = grid.getSortOrder();
                    KeySort sort = orders.isEmpty()
                            ? KeySort.CREATED
                            : KeySort.valueOf(orders.getFirst().getSorted().getKey());
                    boolean ascending =
                            !orders.isEmpty() && orders.getFirst().getDirection() == SortDirection.ASCENDING;
                    return overview.page(filter(), sort, ascending, query.getOffset(), query.getLimit()).stream();
                },
                query -> (int) Math.min(Integer.MAX_VALUE, overview.count(filter()))));
        grid.addSortListener(sorted -> grid.getDataProvider().refreshAll());
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        long total = overview.count(filter());
        count.setText(t("keys.count", total));
    }

    private void confirmRevoke() {
        List<Long> ids = grid.getSelectedItems().stream()
                .filter(row -> row.statusAt(clock.instant()) == ApiKeyStatus.ACTIVE)
                .map(KeyOverviewRow::id)
                .toList();
        Confirmations.destructive(
                t("keys.revokeselected.title", ids.size()), t("keys.revokeselected.text"), t("keys.revoke"), () -> {
                    int revoked = overview.revoke(ids);
                    refresh();
                    Notification.show(t("keys.revokeselected.done", revoked), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
    }

    private KeyFilter filter() {
        ApiSet set = apiSet.getValue();
        return new KeyFilter(
                owner.getValue(),
                set == null ? null : set.code(),
                status.getValue(),
                expiringWithin.getValue(),
                unusedFor.getValue());
    }

    @Override
    public String getPageTitle() {
        return t("keys.admin.title");
    }
}
