package com.keyward.user.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.ui.NotFoundView;
import com.keyward.ui.SignedInBrowserlessTest;
import com.keyward.user.UserFilter;
import com.keyward.user.UserService;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
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
        assertThat($(TextField.class, dialog).withLabel("Username").single().getValue())
                .isEqualTo("dana");
        assertThat($(TextField.class, dialog).withLabel("Name").single().getValue())
                .isEqualTo("Dana Developer");
        assertThat($(Span.class, dialog).withText("API Integrator").exists()).isTrue();
        assertThat($(ListItem.class, dialog).all())
                .extracting(ListItem::getText)
                .containsExactly("View Users", "Manage User API Key");
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

        assertThat($(TextField.class).withLabel("Username").single().getValue()).isEqualTo(NO_ROLES);
        assertThat($(Paragraph.class).withText("No roles.").exists()).isTrue();
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
