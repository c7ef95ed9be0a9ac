package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.keyward.db.DatabaseMonitor;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The application shell: a drawer with the side navigation, and a header with the page title and
 * the signed-in person's menu.
 *
 * <p>Navigation comes from the views' own {@code @Menu} declarations, already filtered by their
 * access rules, so nobody sees an entry they cannot open. Views under {@code admin/} form the
 * Admin group.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String ADMIN_PREFIX = "admin";

    private final H1 pageTitle = new H1();
    private final Div navigation = new Div();

    public MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authentication,
            DatabaseMonitor database,
            ObjectProvider<HeaderItems> headerItems,
            ObjectProvider<Appearance> appearance) {
        setPrimarySection(Section.DRAWER);
        showOnceSettled();
        ModalBackground.watch(UI.getCurrent());
        pageTitle.addClassName("page-title");
        // focused after each navigation, so that a screen reader announces where the person is
        pageTitle.getElement().setAttribute("tabindex", "-1");
        // the top bar is the page's banner landmark: title, header items and user menu inside it
        Header topBar = new Header(new DrawerToggle(), pageTitle);
        topBar.addClassName("top-bar");
        headerItems.orderedStream().forEach(item -> topBar.add(item.create()));
        Appearance scheme = appearance.getIfAvailable();
        topBar.add(userMenu(currentUser.require(), authentication));
        addToNavbar(topBar, new DatabaseBanner(database));
        if (scheme != null) {
            Preferences.apply(scheme.current());
        }
        // the product's name, not a heading: the page's one h1 is its title in the top bar
        Div appName = new Div(t("app.name"));
        appName.addClassName("app-name");
        Div brand = new Div(appName);
        brand.addClassName("brand");
        // the drawer is one labelled region: the name and both navigations inside a landmark
        // (the navigation scrolls by CSS: Vaadin's Scroller would be a Tab stop of its own)
        navigation.addClassName("navigation");
        var drawer = new com.vaadin.flow.component.html.Section(brand, navigation);
        drawer.addClassName("drawer");
        drawer.getElement().setAttribute("aria-label", t("app.name"));
        addToDrawer(drawer);
    }

    /**
     * The main navigation, and below it the Admin group as its own labelled navigation. Built
     * anew after each navigation, so that it follows role changes.
     */
    private void rebuildNavigation() {
        SideNav main = new SideNav();
        main.getElement().setAttribute("aria-label", t("nav.main"));
        SideNav admin = new SideNav(t("nav.admin"));
        admin.addClassName("admin-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(t(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            (isAdmin(entry.path()) ? admin : main).addItem(item);
        }
        navigation.removeAll();
        navigation.add(main);
        if (!admin.getItems().isEmpty()) {
            navigation.add(admin);
        }
    }

    private static boolean isAdmin(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.equals(ADMIN_PREFIX) || trimmed.startsWith(ADMIN_PREFIX + "/");
    }

    private static Component userMenu(SignedInUser user, AuthenticationContext authentication) {
        Avatar avatar = new Avatar(user.displayName());
        avatar.addThemeVariants(com.vaadin.flow.component.avatar.AvatarVariant.LUMO_XSMALL);
        Div trigger = new Div(avatar, new Span(user.displayName()));
        trigger.addClassName("user-menu-trigger");
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        menu.addClassName("user-menu");
        MenuItem root = menu.addItem(trigger);
        // a route name, not the view class: the shell does not depend on the feature packages
        root.getSubMenu()
                .addItem(t("usermenu.account"), click -> UI.getCurrent().navigate("account"));
        root.getSubMenu().addItem(t("usermenu.signout"), click -> authentication.logout());
        return menu;
    }

    /**
     * The layout stays invisible until it has decided between drawer beside the content (desktop)
     * and drawer over it (phone): drawn before that, the title bar and the page jump 256 px to the
     * right a moment later, a layout shift of 0.72 on Admin › Users. At most a second.
     */
    private void showOnceSettled() {
        getElement().executeJs("""
                        const layout = this;
                        layout.keywardSettled = new Promise(resolve => {
                          const settle = () => requestAnimationFrame(() => { layout.setAttribute('settled', ''); resolve(); });
                          // drawer open or laid over, and the offsets it computes from its size applied
                          const decided = () => (layout.hasAttribute('drawer-opened') || layout.hasAttribute('overlay'))
                            && layout.style.getPropertyValue('--_vaadin-app-layout-drawer-offset-size') !== ''
                            && layout.style.getPropertyValue('--_vaadin-app-layout-navbar-offset-size') !== '';
                          customElements.whenDefined('vaadin-app-layout').then(() => {
                            if (decided()) { settle(); return; }
                            const watch = new MutationObserver(() => { if (decided()) { watch.disconnect(); settle(); } });
                            watch.observe(layout, { attributes: true, attributeFilter: ['drawer-opened', 'overlay', 'style'] });
                            setTimeout(() => { watch.disconnect(); settle(); }, 1000);
                          });
                        });""");
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        rebuildNavigation();
        pageTitle.setText(MenuConfiguration.getPageHeader(getContent()).orElse(""));
        if (!event.isRefreshEvent()) {
            // after the first load and every navigation: where the person now is, for keyboards
            // and screen readers alike (a dialog opened by the view takes the focus after this)
            // (once the layout is defined and drawn: before that the heading is not focusable)
            pageTitle
                    .getElement()
                    .executeJs("customElements.whenDefined('vaadin-app-layout')"
                            + ".then(() => this.closest('vaadin-app-layout').keywardSettled)"
                            + ".then(() => requestAnimationFrame(() => this.focus({preventScroll: true})))");
        }
    }
}
