package com.keyward.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.role.RoleSummary;
import com.keyward.security.Authorities;
import com.keyward.ui.SignedInBrowserlessTest;
import com.keyward.ui.StaticHtmlShown;
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
        Section administration = openAdministration();

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<RoleSummary> roles =
                $(MultiSelectComboBox.class, administration).single();
        test(roles).selectItem("API Integrator");
        test($(Button.class, administration).withText("Save roles").single()).click();

        UserAccountDetailsDialog refreshed = $(UserAccountDetailsDialog.class).single();
        assertThat(refreshed).isNotSameAs(dialog);
        assertThat(StaticHtmlShown.in(refreshed).select(".badges span").eachText())
                .containsExactly("API Integrator");
    }

    @Test
    void theAdministrationIsBuiltOnlyWhenItsReaderOpensIt() {
        signInAs("admin");
        navigate(UsersView.class, "dana");
        Section placeholder = $(Section.class).id(AccountAdministration.ID);
        assertThat($(MultiSelectComboBox.class).exists()).isFalse();
        assertThat($(Button.class, placeholder).single().getText()).isEqualTo("Manage this account");

        Section administration = openAdministration();
        assertThat(administration).isNotSameAs(placeholder);
        assertThat($(MultiSelectComboBox.class, administration).exists()).isTrue();
        assertThat($(Section.class).withId(AccountAdministration.ID).all()).hasSize(1);

        // another person's window starts closed again
        navigate(UsersView.class, "sam");
        assertThat($(MultiSelectComboBox.class).exists()).isFalse();
    }

    @Test
    void anAdminLinksALocalAccountToAnSsoIdentityAndTheWindowSaysItsSourceChanged() {
        String target = accounts().create("to-link", List.of(Authorities.VIEW_USERS));
        signInAs("admin");
        navigate(UsersView.class, target);
        Section administration = openAdministration();
        test($(Button.class, administration).id("link-identity")).click();
        LinkIdentityDialog dialog = $(LinkIdentityDialog.class).single();
        dialog.source.setValue(com.keyward.user.AccountSource.SSO);
        test(dialog.issuer).setValue("https://sso.corp.example/realms/corp");
        test(dialog.subject).setValue("");
        test(dialog.link).click();
        // nothing typed: refused in the dialog, which stays open
        assertThat(dialog.problem.getText()).isEqualTo("Say where the person comes from and their identity there.");
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.subject).setValue("f3a1-subject-of-" + target);
        test(dialog.link).click();

        assertThat(dialog.isOpened()).isFalse();
        UserAccountDetailsDialog refreshed = $(UserAccountDetailsDialog.class).single();
        assertThat(StaticHtmlShown.in(refreshed).select("dl.profile dd").eachText())
                .contains("Single sign-on");
    }

    private Section openAdministration() {
        test($(Button.class, $(Section.class).id(AccountAdministration.ID))
                        .withText("Manage this account")
                        .single())
                .click();
        return $(Section.class).id(AccountAdministration.ID);
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
        Section administration = openAdministration();
        test($(Button.class, administration).withText("Disable account").single())
                .click();

        // the window is drawn again, the administration its reader opened still open in it
        Section after = $(Section.class).id(AccountAdministration.ID);
        assertThat($(Button.class, after).withText("Enable account").exists()).isTrue();
        assertThat(StaticHtmlShown.value($(UserAccountDetailsDialog.class).single(), "Status"))
                .isEqualTo("Disabled");
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
