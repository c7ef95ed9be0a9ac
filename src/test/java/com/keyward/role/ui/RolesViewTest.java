package com.keyward.role.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.keyward.ui.SignedInBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KeywardTest
class RolesViewTest extends SignedInBrowserlessTest {

    @Autowired
    RoleFixtures roles;

    @Test
    void checkingAnAreaInTheEditorCoversItsActionsAndSavingCreatesTheRole() {
        signInAs("admin");
        RolesView view = navigate(RolesView.class);
        test(view.create).click();
        RoleEditorDialog editor = $(RoleEditorDialog.class).single();
        String name = "Area role " + System.nanoTime();
        test(editor.name).setValue(name);
        test(editor.authorityBoxes.get(Authorities.USERS)).click();

        assertThat(editor.authorityBoxes.get(Authorities.VIEW_USERS).isEnabled())
                .isFalse();
        assertThat(editor.authorityBoxes
                        .get(Authorities.VIEW_USERS)
                        .getElement()
                        .getProperty("checked", false))
                .isTrue();
        assertThat(editor.authorityBoxes.get(Authorities.VIEW_ROLES).isEnabled())
                .isTrue();
        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        long id = roles.findIdByName(name).orElseThrow();
        assertThat(roles.findDetails(id).orElseThrow().authorities()).containsExactly(Authorities.USERS);
    }

    @Test
    void checkingAnAreaAndUncheckingItAgainSavesNoneOfItsActions() {
        signInAs("admin");
        RolesView view = navigate(RolesView.class);
        test(view.create).click();
        RoleEditorDialog editor = $(RoleEditorDialog.class).single();
        String name = "Undo role " + System.nanoTime();
        test(editor.name).setValue(name);
        test(editor.authorityBoxes.get(Authorities.VIEW_ROLES)).click();
        test(editor.authorityBoxes.get(Authorities.USERS)).click();
        test(editor.authorityBoxes.get(Authorities.USERS)).click();

        assertThat(editor.authorityBoxes.get(Authorities.VIEW_USERS).getValue()).isFalse();
        assertThat(editor.authorityBoxes.get(Authorities.VIEW_USERS).isEnabled())
                .isTrue();
        assertThat(editor.authorityBoxes.get(Authorities.MANAGE_USERS).getValue())
                .isFalse();
        test(editor.save).click();

        long id = roles.findIdByName(name).orElseThrow();
        assertThat(roles.findDetails(id).orElseThrow().authorities()).containsExactly(Authorities.VIEW_ROLES);
    }

    @Test
    void anActionChosenBeforeItsAreaComesBackWhenTheAreaIsUnchecked() {
        signInAs("admin");
        RolesView view = navigate(RolesView.class);
        test(view.create).click();
        RoleEditorDialog editor = $(RoleEditorDialog.class).single();
        String name = "Keep role " + System.nanoTime();
        test(editor.name).setValue(name);
        test(editor.authorityBoxes.get(Authorities.VIEW_USERS)).click();
        test(editor.authorityBoxes.get(Authorities.USERS)).click();
        assertThat(editor.authorityBoxes.get(Authorities.MANAGE_USERS).getValue())
                .isTrue();
        test(editor.authorityBoxes.get(Authorities.USERS)).click();

        assertThat(editor.authorityBoxes.get(Authorities.VIEW_USERS).getValue()).isTrue();
        assertThat(editor.authorityBoxes.get(Authorities.MANAGE_USERS).getValue())
                .isFalse();
        test(editor.save).click();

        long id = roles.findIdByName(name).orElseThrow();
        assertThat(roles.findDetails(id).orElseThrow().authorities()).containsExactly(Authorities.VIEW_USERS);
    }

    @Test
    void theBuiltInAdminRoleOpensReadOnly() {
        signInAs("admin");
        RolesView view = navigate(RolesView.class);
        Button admin = (Button) test(view.grid).getCellComponent(0, "name");
        assertThat(admin.getText()).isEqualTo("Admin");
        test(admin).click();

        RoleEditorDialog editor = $(RoleEditorDialog.class).single();
        assertThat(editor.name.isReadOnly()).isTrue();
        assertThat($(Button.class, editor).withText("Save").exists()).isFalse();
        assertThat($(Button.class, editor).withText("Delete").exists()).isFalse();
    }

    @Test
    void theRolesEntryIsShownOnlyToThoseWhoMayViewRoles() {
        signInAs("admin");
        navigate(RolesView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Roles", "Audit");
        signInAs("dana");
        navigate(com.keyward.ui.HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Roles", "Audit");
    }
}
