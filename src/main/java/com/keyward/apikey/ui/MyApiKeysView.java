package com.keyward.apikey.ui;

import static com.keyward.ui.Text.t;

import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.KeyPreviews;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/**
 * One's own API keys on a page of their own, the full width of the screen: the same section as in
 * User Account Details (where the seed's path, My account › API Keys › Generate key, stays), with
 * room for every column.
 */
@Route(MyApiKeysView.ROUTE)
@Menu(order = 5, icon = "vaadin:key-o", title = "keys.my.menu")
@RolesAllowed(Authorities.MANAGE_USER_API_KEY)
public class MyApiKeysView extends Main implements HasDynamicTitle {

    public static final String ROUTE = "account/api-keys";

    final ApiKeysSection section;

    public MyApiKeysView(
            CurrentUser currentUser, ApiKeyService keys, KeyPreviews previews, ApiSetCatalog catalog, Clock clock) {
        addClassNames("page", "my-api-keys-view");
        section = new ApiKeysSection(currentUser.require().id(), true, keys, previews, catalog, clock);
        add(section);
    }

    @Override
    public String getPageTitle() {
        return t("keys.my.title");
    }
}
