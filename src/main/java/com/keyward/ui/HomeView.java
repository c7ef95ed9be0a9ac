package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.security.CurrentUser;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a signed-in person lands. */
@Route("")
@Menu(order = 0, icon = "vaadin:home", title = "home.menu")
@PermitAll
public class HomeView extends Main implements HasDynamicTitle {

    public HomeView(CurrentUser currentUser) {
        addClassName("home-view");
        add(new Paragraph(t("home.welcome", currentUser.require().displayName())), new Paragraph(t("home.text")));
    }

    @Override
    public String getPageTitle() {
        return t("home.title");
    }
}
