package com.keyward.apikey.ui;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.ApiKeyStatus;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.ui.Labels;
import com.keyward.ui.Times;
import com.keyward.user.ui.ApiKeysPlace;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.time.Clock;
import java.util.LinkedHashSet;

/**
 * The API Keys section of User Account Details: the account's keys (metadata only), Generate key
 * on one's own account, and Revoke where the service allows it.
 */
public class ApiKeysSection extends Section {

    public static final String ID = ApiKeysPlace.SECTION_ID;

    final Grid<ApiKeyInfo> grid = new Grid<>();
    final Button generate = new Button("Generate key", VaadinIcon.KEY.create());

    private final ApiKeyService keys;
    private final ApiSetCatalog catalog;
    private final Clock clock;

    ApiKeysSection(long ownerId, boolean ownAccount, ApiKeyService keys, ApiSetCatalog catalog, Clock clock) {
        this.keys = keys;
        this.catalog = catalog;
        this.clock = clock;
        setId(ID);
        addClassName("api-keys-section");
        H3 title = new H3("API Keys");
        Div header = new Div(title);
        header.addClassName("section-header");
        add(header);
        if (ownAccount) {
            generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            generate.addClickListener(click -> openNewApiKey());
            header.add(generate);
        }
        if (!keys.mayManageKeysOf(ownerId)) {
            add(new Paragraph("You can see only your own API keys."));
            return;
        }
        configureGrid(ownerId);
        add(grid);
    }

    private void configureGrid(long ownerId) {
        grid.setAriaLabel("API keys");
        grid.addColumn(ApiKeyInfo::name).setHeader("Name").setAutoWidth(true).setKey("name");
        grid.addColumn(key -> key.description() == null ? "" : key.description())
                .setHeader("Description")
                .setFlexGrow(1)
                .setKey("description");
        grid.addColumn(key -> keys.setNames(new LinkedHashSet<>(key.apiSetCodes())))
                .setHeader("API sets")
                .setAutoWidth(true)
                .setKey("apiSets");
        grid.addColumn(key -> Times.minutes(key.createdAt(), ""))
                .setHeader("Created")
                .setAutoWidth(true)
                .setKey("created");
        grid.addColumn(key -> Times.minutes(key.expiresAt(), ""))
                .setHeader("Expires")
                .setAutoWidth(true)
                .setKey("expires");
        grid.addColumn(key -> key.lastUsedAt() == null
                        ? "Never"
                        : Times.minutes(key.lastUsedAt(), "")
                                + (key.lastUsedAddress() == null ? "" : " from " + key.lastUsedAddress()))
                .setHeader("Last used")
                .setAutoWidth(true)
                .setKey("lastUsed");
        grid.addComponentColumn(this::status)
                .setHeader("Status")
                .setAutoWidth(true)
                .setKey("status");
        grid.addComponentColumn(this::revokeButton)
                .setHeader("")
                .setAutoWidth(true)
                .setKey("actions");
        grid.setEmptyStateText("No API keys yet.");
        grid.setHeight("16em");
        grid.setItems(new CallbackDataProvider<>(
                query -> keys.list(ownerId, query.getOffset(), query.getLimit()).stream(),
                query -> keys.count(ownerId)));
    }

    private Span status(ApiKeyInfo key) {
        ApiKeyStatus status = key.statusAt(clock.instant());
        Span badge = new Span(Labels.of(status));
        badge.getElement()
                .getThemeList()
                .add(
                        switch (status) {
                            case ACTIVE -> "badge success";
                            case EXPIRED -> "badge contrast";
                            case REVOKED -> "badge error";
                        });
        return badge;
    }

    private Span revokeButton(ApiKeyInfo key) {
        Span cell = new Span();
        if (key.statusAt(clock.instant()) == ApiKeyStatus.ACTIVE) {
            Button revoke = new Button("Revoke", click -> confirmRevoke(key));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setAriaLabel("Revoke " + key.name());
            cell.add(revoke);
        }
        return cell;
    }

    private void confirmRevoke(ApiKeyInfo key) {
        ConfirmDialog confirm = new ConfirmDialog(
                "Revoke API key \"" + key.name() + "\"?",
                "Applications using this key (" + key.hint() + ") will stop working. This cannot be undone.",
                "Revoke",
                event -> {
                    keys.revoke(key.id());
                    grid.getDataProvider().refreshAll();
                    Notification.show(
                                    "API key \"" + key.name() + "\" revoked.", 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void openNewApiKey() {
        new NewApiKeyDialog(keys, catalog, clock, this::showGeneratedKey).open();
    }

    private void showGeneratedKey(GeneratedApiKey generated) {
        grid.getDataProvider().refreshAll();
        new SaveGeneratedKeyDialog(generated, () -> grid.getDataProvider().refreshAll()).open();
    }
}
