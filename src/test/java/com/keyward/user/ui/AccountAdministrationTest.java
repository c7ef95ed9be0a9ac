package com.keyward.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.role.RoleSummary;
import com.keyward.security.Authorities;
import com.keyward.ui.SignedInBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

@KeywardTest
class AccountAdministrationTest extends SignedInBrowserlessTest {

    @Test
    void anAdminAssignsARoleFromUserAccountDetailsAndTheWindowShowsIt() {
        String target = accounts().create("assignee", List.of(Authorities.VIEW_USERS));
        signInAs("admin");
        navigate(UsersView.class, target);
        UserAccountDetailsDialog dialog = $(UserAccountDetailsDialog.class).single();
        Section administration = $(Section.class, dialog).id(AccountAdministration.ID);

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<RoleSummary> roles =
                $(MultiSelectComboBox.class, administration).single();
        test(roles).selectItem("API Integrator");
        test($(Button.class, administration).withText("Save roles").single()).click();

        UserAccountDetailsDialog refreshed = $(UserAccountDetailsDialog.class).single();
        assertThat($(com.vaadin.flow.component.html.Span.class, refreshed)
                        .withText("API Integrator")
                        .exists())
                .isTrue();
    }

    @Test
    void nobodyAdministersTheirOwnAccountAndSamAdministersNobody() {
        signInAs("admin");
        navigate(UsersView.class, "admin");
        assertThat($(Section.class).withId(AccountAdministration.ID).exists()).isFalse();

        signInAs("sam");
        navigate(UsersView.class, "dana");
        assertThat($(Section.class).withId(AccountAdministration.ID).exists()).isFalse();
    }

    @Test
    void disablingTheAccountShowsItDisabled() {
        String target = accounts().create("to-disable", List.of());
        signInAs("admin");
        navigate(UsersView.class, target);
        Section administration = $(Section.class).id(AccountAdministration.ID);
        test($(Button.class, administration).withText("Disable account").single())
                .click();

        Section after = $(Section.class).id(AccountAdministration.ID);
        assertThat($(Button.class, after).withText("Enable account").exists()).isTrue();
    }

    @Test
    void newUserNamesEveryBadFieldAndCreatesNothingThenShowsTheLinkOnce() {
        signInAs("admin");
        navigate(UsersView.class);
        test($(com.vaadin.flow.component.button.Button.class).id("new-user")).click();
        NewUserDialog dialog = $(NewUserDialog.class).single();
        test(dialog.username).setValue("dana");
        test(dialog.email).setValue("not-an-email");
        test(dialog.create).click();

        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.username.getErrorMessage()).contains("taken");
        assertThat(dialog.name.getErrorMessage()).isEqualTo("Enter a name for the person.");
        assertThat(dialog.email.isInvalid()).isTrue();
        assertThat($(SetPasswordLinksDialog.class).exists()).isFalse();

        String username = "newbie-" + System.nanoTime();
        test(dialog.username).setValue(username);
        test(dialog.name).setValue("New Person");
        test(dialog.email).setValue("newbie@example.com");
        test(dialog.create).click();

        SetPasswordLinksDialog links = $(SetPasswordLinksDialog.class).single();
        String link = $(com.vaadin.flow.component.textfield.TextField.class, links)
                .single()
                .getValue();
        assertThat(link).matches(".*/set-password/[\\w-]{43}");
        test(links.closeButton).click();
        // not copied: the window asks before the link is gone for good
        assertThat($(com.vaadin.flow.component.dialog.Dialog.class)
                        .withClassName("confirmation")
                        .exists())
                .isTrue();
    }
}
