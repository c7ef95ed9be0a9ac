package com.keyward.ui;

import com.keyward.security.CurrentUser;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Where a signed-in person lands. */
@Route("")
@PageTitle("Home")
@Menu(order = 0, icon = "vaadin:home", title = "Home")
@PermitAll
public class HomeView extends Main {

    public HomeView(CurrentUser currentUser) {
        addClassName("home-view");
        add(
                new Paragraph("Welcome, " + currentUser.require().displayName() + "."),
                new Paragraph("Keyward keeps your organisation's users, roles and API keys. "
                        + "Use the navigation to find what your roles allow you to see."));
    }
}
