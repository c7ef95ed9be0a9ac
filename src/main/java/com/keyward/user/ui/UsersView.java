package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.security.Authorities;
import com.keyward.ui.GridCount;
import com.keyward.ui.Labels;
import com.keyward.ui.NarrowScreens;
import com.keyward.ui.NoSuchItemException;
import com.keyward.ui.Times;
import com.keyward.user.AccountSource;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserFilter;
import com.keyward.user.UserRow;
import com.keyward.user.UserService;
import com.keyward.user.UserSort;
import com.keyward.user.UserStatus;
import com.keyward.validation.Message;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Admin › Users: the User Management grid. Paging, sorting and filtering happen in SQL. A
 * username opens User Account Details at its own URL ({@code /admin/users/dana}), so the window
 * can be bookmarked and Back closes it.
 */
@Route(UsersView.ROUTE)
@Menu(order = 10, icon = "vaadin:users", title = "users.menu")
@RolesAllowed(Authorities.VIEW_USERS)
public class UsersView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    public static final String ROUTE = "admin/users";

    private final UserService users;
    private final ApiKeysPlace apiKeys;
    private final AccountAdministration administration;
    private final TextField search = new TextField();
    private final ComboBox<UserStatus> status = new ComboBox<>();
    private final ComboBox<AccountSource> source = new ComboBox<>();
    private final IntegerField idleDays = new IntegerField();
    private final Span total = new Span();
    final Grid<UserRow> grid = new Grid<>();
    private @Nullable UserAccountDetailsDialog details;
    /** The sections of the open window that its reader opened: shown open again when it is redrawn. */
    private final Set<String> openedSections = new HashSet<>();

    private @Nullable String detailsOf;
    private final GridCount<UserRow, UserFilter> count;

    public UsersView(
            UserService users,
            ApiKeysPlace apiKeys,
            AccountAdministration administration,
            UserManagementActions actions) {
        this.users = users;
        this.apiKeys = apiKeys;
        this.administration = administration;
        addClassNames("page", "users-view");

        search.setPlaceholder(t("users.search"));
        search.setAriaLabel(t("users.search.label"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.setWidth("22em");
        status.setItems(UserStatus.values());
        status.setItemLabelGenerator(Labels::of);
        status.setPlaceholder(t("users.status.any"));
        status.setAriaLabel(t("users.status"));
        status.setClearButtonVisible(true);
        total.addClassName("total");
        total.setId("user-count");
        source.setItems(AccountSource.values());
        source.setItemLabelGenerator(Labels::of);
        source.setPlaceholder(t("users.source.any"));
        source.setAriaLabel(t("users.source"));
        source.setClearButtonVisible(true);
        source.setWidth("10em");
        idleDays.setPlaceholder(t("users.idle"));
        idleDays.setAriaLabel(t("users.idle.label"));
        idleDays.setMin(1);
        idleDays.setClearButtonVisible(true);
        idleDays.setWidth("13em");
        configureGrid();
        count = new GridCount<>(
                grid,
                total,
                this::fetch,
                this::filter,
                users::quickCount,
                users::count,
                figure -> t("users.count", figure),
                figure -> t("users.count.about", figure));
        // on a phone: the search, the count and a "Filters" button; the other filters fold away
        Component filters = NarrowScreens.filtersToggle(this, List.of(status, source, idleDays));
        search.setMaxWidth("100%");
        HorizontalLayout toolbar = new HorizontalLayout(search, filters, status, source, idleDays, total);
        toolbar.setWrap(true);
        actions.creating(() -> count.refresh()).ifPresent(toolbar::add);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("toolbar");

        search.addValueChangeListener(change -> count.refresh());
        status.addValueChangeListener(change -> count.refresh());
        source.addValueChangeListener(change -> count.refresh());
        idleDays.addValueChangeListener(change -> count.refresh());
        add(toolbar, grid);
        NarrowScreens.follow(
                this, narrow -> NarrowScreens.priorityColumns(grid, narrow, List.of("username", "status")));
    }

    private void configureGrid() {
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel(t("users.grid"));
        grid.addColumn(LitRenderer.<UserRow>of("<a href=\"${item.href}\" router-link>${item.username}</a>")
                        .withProperty(
                                "href", row -> ROUTE + "/" + URLEncoder.encode(row.username(), StandardCharsets.UTF_8))
                        .withProperty("username", UserRow::username))
                .setHeader(t("users.username"))
                .setSortProperty(UserSort.USERNAME.property())
                .setKey("username")
                .setAutoWidth(true);
        grid.addColumn(UserRow::displayName)
                .setHeader(t("users.name"))
                .setSortProperty(UserSort.NAME.property())
                .setKey("name")
                .setAutoWidth(true);
        grid.addColumn(UserRow::email)
                .setHeader(t("users.email"))
                .setSortProperty(UserSort.EMAIL.property())
                .setKey("email")
                .setAutoWidth(true);
        grid.addColumn(UserRow::roles)
                .setHeader(t("users.roles"))
                .setSortProperty(UserSort.ROLES.property())
                .setKey("roles")
                .setAutoWidth(true);
        grid.addColumn(StatusBadge.renderer(UserRow::status))
                .setHeader(t("users.status"))
                .setSortProperty(UserSort.STATUS.property())
                .setKey("status")
                .setAutoWidth(true);
        grid.addColumn(row -> Labels.of(row.source()))
                .setHeader(t("users.source"))
                .setKey("source")
                .setAutoWidth(true);
        grid.addColumn(row -> Times.minutes(row.lastSignInAt(), t("time.never")))
                .setTooltipGenerator(row -> Times.utc(row.lastSignInAt()))
                .setHeader(t("users.lastsignin"))
                .setSortProperty(UserSort.LAST_SIGN_IN.property())
                .setKey("lastSignIn")
                .setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true);
        grid.setEmptyStateText(t("users.empty"));
        grid.setMultiSort(false);
        // rows are fetched 25 at a time: a session holds the rows it has fetched (about half a KB
        // each), and 25 fill the grid on a desktop window before it asks for more
        grid.setPageSize(25);
    }

    private java.util.stream.Stream<UserRow> fetch(Query<UserRow, Void> query) {
        UserSort sort = UserSort.USERNAME;
        boolean ascending = true;
        if (!query.getSortOrders().isEmpty()) {
            QuerySortOrder order = query.getSortOrders().getFirst();
            sort = UserSort.ofProperty(order.getSorted()).orElse(UserSort.USERNAME);
            ascending = order.getDirection() == SortDirection.ASCENDING;
        }
        return users.page(filter(), sort, ascending, query.getOffset(), query.getLimit(), count.total()).stream();
    }

    private UserFilter filter() {
        Integer days = idleDays.getValue();
        return new UserFilter(
                search.getValue(),
                status.getValue(),
                source.getValue(),
                days == null || days < 1 ? null : Instant.now().minus(Duration.ofDays(days)));
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String username) {
        if (username != null && !username.isBlank() && users.details(username).isEmpty()) {
            // an address of nobody: the shell's not-found page, not an empty grid with a toast
            throw new NoSuchItemException(Message.of("users.nosuch", username));
        }
        showDetails(username);
    }

    private void showDetails(@Nullable String username) {
        if (details != null) {
            remove(details);
            details = null;
        }
        if (!Objects.equals(username, detailsOf)) {
            openedSections.clear();
            detailsOf = username;
        }
        if (username == null || username.isBlank()) {
            return;
        }
        Optional<UserAccountDetails> account = users.details(username);
        if (account.isEmpty()) {
            Notification notification =
                    Notification.show(t("users.nosuch", username), 5000, Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        details = new UserAccountDetailsDialog(
                account.get(),
                users.isOwnAccount(account.get()),
                apiKeys,
                administration.forAccount(account.get(), () -> {
                    // show what changed: the window again, the grid's roles and statuses too
                    showDetails(username);
                    count.refresh();
                }),
                openedSections,
                () -> getUI().ifPresent(ui -> ui.navigate(UsersView.class)));
        // a child of the view: it goes away with the view when Back leaves User Management
        add(details);
        details.open();
    }

    @Override
    public String getPageTitle() {
        return t("users.title");
    }
}
