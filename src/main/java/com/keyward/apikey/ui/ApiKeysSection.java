package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.ApiKeyStatus;
import com.keyward.apikey.ApiKeyUsage;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apikey.KeyPreviews;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.ui.Confirmations;
import com.keyward.ui.Labels;
import com.keyward.ui.NarrowScreens;
import com.keyward.ui.SectionHeading;
import com.keyward.ui.Times;
import com.keyward.user.ui.ApiKeysPlace;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The API Keys section of User Account Details: the account's keys (metadata only), Generate key
 * on one's own account, and Revoke where the service allows it.
 */
public class ApiKeysSection extends Section {

    public static final String ID = ApiKeysPlace.SECTION_ID;

    final Grid<ApiKeyInfo> grid = new Grid<>();
    final Button generate = new Button(t("keys.generate"), VaadinIcon.KEY.create());
    /** Which keys the list shows: active ones unless chosen otherwise. */
    final Select<ApiKeyStatus> show = new Select<>();

    /** Up to this many keys the list is as tall as its rows. */
    private static final int ALL_ROWS_UP_TO = 12;
    /** "3 of 10 active": where the person stands against the limit of their roles. */
    final Span activeCount = new Span();
    /** Why Generate key is disabled, when it is: said before the form is filled, not after. */
    final Paragraph limitReason = new Paragraph();

    private final ApiKeyService keys;
    private final KeyPreviews previews;
    private final ApiSetCatalog catalog;
    private final Clock clock;
    private final boolean ownAccount;
    private final long ownerId;

    ApiKeysSection(
            long ownerId,
            boolean ownAccount,
            ApiKeyService keys,
            KeyPreviews previews,
            ApiSetCatalog catalog,
            Clock clock) {
        this.keys = keys;
        this.previews = previews;
        this.catalog = catalog;
        this.clock = clock;
        this.ownAccount = ownAccount;
        this.ownerId = ownerId;
        setId(ID);
        addClassName("api-keys-section");
        SectionHeading title = new SectionHeading(t("keys.title"));
        Div header = new Div(title);
        header.addClassName("section-header");
        add(header);
        if (ownAccount) {
            generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            generate.addClickListener(click -> openNewApiKey());
            activeCount.addClassName("active-count");
            limitReason.addClassName("limit-reason");
            header.add(generate, activeCount);
            add(limitReason);
            showActiveCount();
        }
        if (!keys.mayManageKeysOf(ownerId)) {
            add(new Paragraph(t("keys.ownonly")));
            return;
        }
        configureGrid(ownerId);
        show.setLabel(t("keys.show"));
        show.setItems(ApiKeyStatus.values());
        show.setItemLabelGenerator(status -> status == null ? t("keys.show.all") : Labels.of(status));
        show.setEmptySelectionAllowed(true);
        show.setEmptySelectionCaption(t("keys.show.all"));
        // what still works first; revoked and expired keys one choice away
        show.setValue(ApiKeyStatus.ACTIVE);
        show.addClassName("key-status-filter");
        show.addValueChangeListener(change -> refreshKeys());
        add(show, grid);
        refreshKeys();
        NarrowScreens.follow(
                this,
                narrow -> NarrowScreens.priorityColumns(grid, narrow, List.of("name", "expires", "status", "actions")));
    }

    /** The list again, as tall as its rows when they are few, scrolling only when there are many. */
    private void refreshKeys() {
        grid.getDataProvider().refreshAll();
        boolean few = keys.count(ownerId, show.getValue()) <= ALL_ROWS_UP_TO;
        grid.setAllRowsVisible(few);
        if (!few) {
            grid.setHeight("28em");
        }
    }

    private void configureGrid(long ownerId) {
        grid.setAriaLabel(t("keys.grid"));
        // every column is drawn in the browser from a few properties per row: the window is open in
        // many sessions at once, and a component per cell cost each session several KB a key
        grid.addColumn(LitRenderer.<ApiKeyInfo>of(
                                "<vaadin-button theme=\"tertiary-inline\" class=\"key-name\" @click=${open}>${item.name}"
                                        + "</vaadin-button>${item.pair.map(note => html`<div class=\"key-pair\">${note}</div>`)}")
                        .withProperty("name", ApiKeyInfo::name)
                        .withProperty("pair", this::pairNotes)
                        .withFunction("open", key -> details(key, keys.usage(key.id()))))
                .setHeader(t("keys.name"))
                .setAutoWidth(true)
                .setFrozen(true)
                .setTooltipGenerator(
                        key -> key.description() == null ? key.name() : key.name() + ": " + key.description())
                .setKey("name");
        grid.addColumn(LitRenderer.<ApiKeyInfo>of(UsageChart.CELL_TEMPLATE)
                        .withProperty("usage", key -> UsageChart.cell(key.name(), keys.usage(key.id())))
                        .withFunction("open", key -> details(key, keys.usage(key.id()))))
                .setHeader(t("keys.usage"))
                .setAutoWidth(true)
                .setKey("usage");
        grid.addColumn(key -> key.description() == null ? "" : key.description())
                .setHeader(t("keys.description"))
                .setFlexGrow(1)
                .setTooltipGenerator(key -> key.description() == null ? "" : key.description())
                .setKey("description");
        grid.addColumn(this::setsWithPending)
                .setHeader(t("keys.sets"))
                .setAutoWidth(true)
                .setKey("apiSets");
        grid.addColumn(key -> Times.minutes(key.createdAt(), ""))
                .setTooltipGenerator(key -> Times.utc(key.createdAt()))
                .setHeader(t("keys.created"))
                .setAutoWidth(true)
                .setKey("created");
        grid.addColumn(key -> Times.minutes(key.expiresAt(), ""))
                .setTooltipGenerator(key -> Times.utc(key.expiresAt()))
                .setHeader(t("keys.expires"))
                .setAutoWidth(true)
                .setKey("expires");
        grid.addColumn(key -> key.lastUsedAt() == null
                        ? t("time.never")
                        : key.lastUsedAddress() == null
                                ? Times.minutes(key.lastUsedAt(), "")
                                : t("keys.lastused.from", Times.minutes(key.lastUsedAt(), ""), key.lastUsedAddress()))
                .setHeader(t("keys.lastused"))
                .setAutoWidth(true)
                .setKey("lastUsed");
        grid.addColumn(LitRenderer.<ApiKeyInfo>of(
                                "<span theme=${item.badge.theme} class=${item.badge.kind}>${item.badge.text}</span>")
                        .withProperty("badge", this::status))
                .setHeader(t("keys.status"))
                .setAutoWidth(true)
                .setKey("status");
        grid.addColumn(LitRenderer.<ApiKeyInfo>of(
                                "${item.roll.text ? html`<vaadin-button theme=\"tertiary\" aria-label=${item.roll.label}"
                                        + " @click=${roll}>${item.roll.text}</vaadin-button>` : ''}"
                                        + "${item.revoke.text ? html`<vaadin-button theme=\"error tertiary\""
                                        + " aria-label=${item.revoke.label} @click=${revoke}>${item.revoke.text}"
                                        + "</vaadin-button>` : ''}")
                        .withProperty(
                                "roll",
                                key -> mayRoll(key)
                                        ? new Action(t("keys.roll"), t("keys.roll.of", key.name()))
                                        : Action.NONE)
                        .withProperty(
                                "revoke",
                                key -> mayRevoke(key)
                                        ? new Action(t("keys.revoke"), t("keys.revoke.of", key.name()))
                                        : Action.NONE)
                        // what a button's absence says is checked again when it is called
                        .withFunction("roll", key -> {
                            if (mayRoll(key)) {
                                new RollApiKeyDialog(keys, key, clock, this::showGeneratedKey).open();
                            }
                        })
                        .withFunction("revoke", key -> {
                            if (mayRevoke(key)) {
                                confirmRevoke(key);
                            }
                        }))
                .setHeader(t("keys.actions"))
                .setAutoWidth(true)
                .setKey("actions");
        grid.setEmptyStateText(t("keys.empty"));
        grid.setItems(new CallbackDataProvider<>(
                query -> keys.list(ownerId, show.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> keys.count(ownerId, show.getValue())));
    }

    /** The sets a key unlocks, then those awaiting an approver, marked so. */
    private String setsWithPending(ApiKeyInfo key) {
        String active = keys.setNames(new LinkedHashSet<>(key.apiSetCodes()));
        if (key.pendingApiSetCodes().isEmpty()) {
            return active;
        }
        String pending = t("keys.sets.pending", keys.setNames(new LinkedHashSet<>(key.pendingApiSetCodes())));
        return active.isEmpty() ? pending : active + ", " + pending;
    }

    /** Key details: its fields, its API sets with what they unlock, its usage. */
    private void details(ApiKeyInfo key, ApiKeyUsage usage) {
        new KeyDetailsDialog(
                        key,
                        usage,
                        Labels.of(key.statusAt(clock.instant())),
                        key.apiSetCodes().stream()
                                .filter(catalog::exists)
                                .map(catalog::get)
                                .toList())
                .open();
    }

    /** A button's text and the name a screen reader gives it ("Revoke Nightly export"). */
    public record Action(String text, String label) {
        /** No button: the key cannot be rolled (or revoked) by this viewer now. */
        static final Action NONE = new Action("", "");
    }

    /** A status badge: its text, its Lumo badge theme, and a class where a test or style needs one. */
    public record Badge(String text, String theme, String kind) {}

    /** For a rolled pair, the other key's hint under the name: the pair is linked in the list. */
    private List<String> pairNotes(ApiKeyInfo key) {
        List<String> notes = new ArrayList<>(2);
        Long rolledTo = key.rolledToId();
        Long replaces = key.replacesId();
        if (rolledTo != null) {
            notes.add(t("keys.rolledto", keys.hintOf(rolledTo)));
        }
        if (replaces != null) {
            notes.add(t("keys.replaces", keys.hintOf(replaces)));
        }
        return notes;
    }

    private Badge status(ApiKeyInfo key) {
        ApiKeyStatus status = key.statusAt(clock.instant());
        if (key.rolled() && status != ApiKeyStatus.REVOKED) {
            return status == ApiKeyStatus.ACTIVE
                    ? new Badge(t("keys.rolled.until", Times.minutes(key.expiresAt(), "")), "badge", "")
                    : new Badge(t("keys.rolled"), "badge contrast", "");
        }
        java.time.Duration left = java.time.Duration.between(clock.instant(), key.expiresAt());
        if (status == ApiKeyStatus.ACTIVE && left.compareTo(java.time.Duration.ofDays(30)) <= 0) {
            return new Badge(
                    ExpiresIn.text(left), ExpiresIn.days(left) <= 7 ? "badge error" : "badge warning", "expires-soon");
        }
        return new Badge(
                Labels.of(status),
                switch (status) {
                    case ACTIVE -> "badge success";
                    case EXPIRED -> "badge contrast";
                    case REVOKED -> "badge error";
                },
                "");
    }

    /** Roll key: one's own active key that has not been rolled already. */
    private boolean mayRoll(ApiKeyInfo key) {
        return ownAccount && !key.rolled() && key.statusAt(clock.instant()) == ApiKeyStatus.ACTIVE;
    }

    private boolean mayRevoke(ApiKeyInfo key) {
        return key.statusAt(clock.instant()) == ApiKeyStatus.ACTIVE;
    }

    private void confirmRevoke(ApiKeyInfo key) {
        Confirmations.destructive(
                t("keys.revoke.title", key.name()), t("keys.revoke.text", key.hint()), t("keys.revoke"), () -> {
                    keys.revoke(key.id());
                    refreshKeys();
                    showActiveCount();
                    Notification.show(t("keys.revoke.done", key.name()), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
    }

    private void openNewApiKey() {
        new NewApiKeyDialog(keys, previews, catalog, clock, this::showGeneratedKey).open();
    }

    /** The count against the limit, and Generate key enabled only below it. */
    private void showActiveCount() {
        if (!ownAccount) {
            return;
        }
        int active = keys.myActiveCount();
        int most = keys.myLimits().maxActiveApiKeys();
        activeCount.setText(t("keys.active", active, most));
        boolean full = active >= most;
        generate.setEnabled(!full);
        limitReason.setVisible(full);
        limitReason.setText(full ? t("keys.limit", most) : "");
        if (full) {
            limitReason.setId("limit-reason");
            generate.getElement().setAttribute("aria-describedby", "limit-reason");
        } else {
            generate.getElement().removeAttribute("aria-describedby");
        }
    }

    private void showGeneratedKey(GeneratedApiKey generated) {
        showActiveCount();
        refreshKeys();
        // the list is current already: refreshing it again as the window closes would replace the
        // row's buttons under a click that follows at once (a Roll key click was lost so in CI)
        new SaveGeneratedKeyDialog(generated, () -> {}).open();
    }
}
