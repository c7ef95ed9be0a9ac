package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.api.Test;

@KeywardTest
class MainLayoutTest extends SignedInBrowserlessTest {

    @Test
    void aSignedInAdminSeesTheAdminGroupWithUsers() {
        signInAs("admin");
        navigate(HomeView.class);

        SideNav admin = $(SideNav.class)
                .withCondition(nav -> "Admin".equals(nav.getLabel()))
                .single();
        assertThat(admin.getItems()).extracting(SideNavItem::getLabel).contains("Users");
        assertThat(admin.getItems()).extracting(SideNavItem::getPath).contains("admin/users");
    }

    @Test
    void someoneWithoutAdminAuthoritiesSeesNoAdminGroup() {
        signInAs(NO_ROLES);
        navigate(HomeView.class);

        List<String> labels =
                $(SideNavItem.class).all().stream().map(SideNavItem::getLabel).toList();
        assertThat(labels).contains("Home").doesNotContain("Users");
        assertThat($(SideNav.class)
                        .withCondition(nav -> "Admin".equals(nav.getLabel()))
                        .exists())
                .isFalse();
    }
}
