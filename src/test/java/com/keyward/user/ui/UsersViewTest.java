package com.keyward.user.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.ui.NotFoundView;
import com.keyward.ui.SignedInBrowserlessTest;
import com.keyward.ui.StaticHtmlShown;
import com.keyward.user.UserFilter;
import com.keyward.user.UserService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@KeywardTest
class UsersViewTest extends SignedInBrowserlessTest {

    @Autowired
    UserService userService;

    @Test
    void theGridShowsUsersAndTheirTotal() {
        signInAs("admin");
        UsersView view = navigate(UsersView.class);

        assertThat(test(view.grid).size()).isGreaterThan(300);
        assertThat($(Span.class).id("user-count").getText()).endsWith(" users");
        assertThat(test(view.grid).getHeaderCell(0)).isEqualTo("Username");
        assertThat(test(view.grid).isColumnSortable("lastSignIn")).isTrue();
    }

    @Test
    void theTextFilterNarrowsTheGrid() {
        signInAs("admin");
        UsersView view = navigate(UsersView.class);
        test($(TextField.class).withAriaLabel("Search users").single()).setValue("dana");

        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).username()).isEqualTo("dana");
        assertThat(test(view.grid).getLitRendererPropertyValue(0, "username", "href", String.class))
                .isEqualTo("admin/users/dana");
    }

    @Test
    void openingAUsernameShowsThatUsersAccountDetails() {
        signInAs("admin");
        navigate(UsersView.class, "dana");

        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        assertThat(dialog.isOpened()).isTrue();
        assertThat(StaticHtmlShown.value(dialog, "Username")).isEqualTo("dana");
        assertThat(StaticHtmlShown.value(dialog, "Name")).isEqualTo("Dana Developer");
        assertThat(StaticHtmlShown.in(dialog).select(".badges span").eachText()).containsExactly("API Integrator");
        assertThat(StaticHtmlShown.in(dialog).select("ul.authorities li").eachText())
                .containsExactly("View Users", "Manage User API Key");
    }

    @Test
    void aNameWithMarkupIsShownAsTextNeverParsed() {
        // the profile is drawn as one block of markup: what a person typed must stay text in it
        String username = "markup-" + System.nanoTime();
        String name = "<img src=x onerror=alert(1)> & \"Bobby\" </dd><script>alert(2)</script>";
        userRepository.insert(
                new com.keyward.user.NewUser(
                        username, name, username + "@example.com", com.keyward.user.UserStatus.ENABLED, null, null),
                java.time.Instant.now());
        signInAs("admin");
        navigate(UsersView.class, username);

        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        assertThat(StaticHtmlShown.value(dialog, "Name")).isEqualTo(name);
        assertThat(StaticHtmlShown.in(dialog).select("img, script")).isEmpty();
        assertThat(StaticHtmlShown.value(dialog, "Email")).isEqualTo(username + "@example.com");
    }

    @Test
    void closingTheWindowReturnsToTheGridAddress() {
        signInAs("admin");
        navigate(UsersView.class, "dana");
        test($(
                                com.vaadin.flow.component.button.Button.class,
                                $(UserAccountDetailsDialog.class).single())
                        .withText("Close")
                        .single())
                .click();

        assertThat($(UserAccountDetailsDialog.class).exists()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(UsersView.class);
        assertThat(com.vaadin
                        .flow
                        .component
                        .UI
                        .getCurrent()
                        .getInternals()
                        .getActiveViewLocation()
                        .getPath())
                .isEqualTo(UsersView.ROUTE);
    }

    @Test
    void anUnknownUsernameIsTheShellsNotFoundPage() {
        signInAs("admin");
        NotFoundView shown = navigate(UsersView.ROUTE + "/no-such-person", NotFoundView.class);

        assertThat($(UserAccountDetailsDialog.class).exists()).isFalse();
        assertThat(shown.getPageTitle()).isEqualTo("Page not found");
        assertThat(shown.getElement().getTextRecursively()).contains("There is no user named \"no-such-person\".");
    }

    @Test
    void samSeesNoApiKeysPlaceButOneLineSayingWhatHeWouldNeed() {
        signInAs("sam");
        navigate(UsersView.class, "sam");

        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        assertThat($(Section.class, dialog)
                        .withId(UserAccountDetailsPanel.API_KEYS_SECTION_ID)
                        .exists())
                .isFalse();
        assertThat($(Paragraph.class, dialog)
                        .id(UserAccountDetailsPanel.API_KEYS_HINT_ID)
                        .getText())
                .contains("Manage User API Key");
    }

    @Test
    void samLookingAtSomeoneElseSeesNeitherThePlaceNorTheHint() {
        signInAs("sam");
        navigate(UsersView.class, "dana");

        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        assertThat($(Section.class, dialog)
                        .withId(UserAccountDetailsPanel.API_KEYS_SECTION_ID)
                        .exists())
                .isFalse();
        assertThat($(Paragraph.class, dialog)
                        .withId(UserAccountDetailsPanel.API_KEYS_HINT_ID)
                        .exists())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dana", "admin"})
    void danaAndAdminSeeTheApiKeysPlace(String viewer) {
        signInAs(viewer);
        navigate(UsersView.class, "dana");
        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        assertThat($(Section.class, dialog)
                        .withId(UserAccountDetailsPanel.API_KEYS_SECTION_ID)
                        .exists())
                .isTrue();
    }

    @Test
    void myAccountShowsTheSignedInPersonTheirOwnDetailsWithoutViewUsers() {
        signInAs(NO_ROLES);
        navigate(MyAccountView.class);

        MyAccountView view = $(MyAccountView.class).single();
        assertThat(StaticHtmlShown.value(view, "Username")).isEqualTo(NO_ROLES);
        assertThat(StaticHtmlShown.in(view).select("section.roles p").text()).isEqualTo("No roles.");
    }

    @Test
    void someoneWithoutViewUsersCannotOpenTheGridNorReadUsersThroughTheService() {
        signInAs(NO_ROLES);
        try {
            navigate(UsersView.class);
        } catch (RuntimeException refused) {
            // refusing outright is as good as rerouting to the access-denied view
        }
        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThat($(Grid.class).exists()).isFalse();

        assertThatThrownBy(() -> userService.count(UserFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> userService.details("dana")).isInstanceOf(AccessDeniedException.class);
        assertThat(userService.details(NO_ROLES)).isPresent();
    }
}
