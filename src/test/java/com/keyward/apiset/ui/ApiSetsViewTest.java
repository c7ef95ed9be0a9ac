package com.keyward.apiset.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.KeywardTest;
import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.apiset.ApiSetForm;
import com.keyward.apiset.ApiSetService;
import com.keyward.security.Authorities;
import com.keyward.ui.SignedInBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

@KeywardTest
class ApiSetsViewTest extends SignedInBrowserlessTest {

    @Autowired
    ApiSetService sets;

    @Autowired
    ApiSetCatalog catalog;

    @Autowired
    DSLContext dsl;

    @Test
    void anAdminRegistersAnotherServicesApiSetAndItIsOfferedForKeysAtOnce() {
        signInAs("admin");
        ApiSetsView view = navigate(ApiSetsView.class);
        test(view.create).click();
        ApiSetEditorDialog editor = $(ApiSetEditorDialog.class).single();
        String code = "HR_" + (System.nanoTime() % 1_000_000);
        test(editor.code).setValue(code.toLowerCase(java.util.Locale.ROOT));
        test(editor.name).setValue("HR records " + code);
        test(editor.description).setValue("Read HR records.");
        test(editor.ownerService).setValue("hr-service");
        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        ApiSet created = catalog.get(code);
        assertThat(created.ownerService()).isEqualTo("hr-service");
        assertThat(created.builtIn()).isFalse();
        assertThat(test(view.grid).size()).isEqualTo(sets.all().size());
        assertThat(dsl.fetchValue(
                        "SELECT details FROM audit_event WHERE type = 'API_SET_REGISTERED' ORDER BY id DESC LIMIT 1"))
                .asString()
                .contains(code, "hr-service");
    }

    @Test
    void badInputIsShownNextToTheFieldsAndNothingIsSaved() {
        signInAs("admin");
        ApiSetsView view = navigate(ApiSetsView.class);
        int before = sets.all().size();
        test(view.create).click();
        ApiSetEditorDialog editor = $(ApiSetEditorDialog.class).single();
        test(editor.code).setValue("1 bad code");
        test(editor.name).setValue("Account API");
        test(editor.save).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.code.getErrorMessage()).contains("capital letters");
        assertThat(editor.name.getErrorMessage()).contains("exists already");
        assertThat(editor.description.getErrorMessage()).contains("Describe");
        assertThat(editor.ownerService.getErrorMessage()).contains("service");
        assertThat(sets.all()).hasSize(before);
    }

    @Test
    void keywardsOwnSetsOpenReadOnlyAndCannotBeChangedThroughTheService() {
        signInAs("admin");
        ApiSetsView view = navigate(ApiSetsView.class);
        Button account = (Button) test(view.grid).getCellComponent(0, "name");
        assertThat(account.getText()).isEqualTo("Account API");
        test(account).click();
        ApiSetEditorDialog editor = $(ApiSetEditorDialog.class).single();
        assertThat(editor.name.isReadOnly()).isTrue();
        assertThat(editor.save.isVisible()).isFalse();
        assertThatThrownBy(() -> sets.update("ACCOUNT", new ApiSetForm("ACCOUNT", "Mine", "Mine.", "me")))
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> sets.delete("USERS")).hasMessageContaining("cannot be changed");
    }

    @Test
    void aSetThatKeysCarryCannotBeDeletedButAnUnusedOneCan() {
        signInAs("admin");
        String used = "USED_" + (System.nanoTime() % 1_000_000);
        String unused = "UNUSED_" + (System.nanoTime() % 1_000_000);
        sets.create(new ApiSetForm(used, "Used " + used, "Used.", "svc"));
        sets.create(new ApiSetForm(unused, "Unused " + unused, "Unused.", "svc"));
        String owner = accounts().create("setuser", List.of(Authorities.MANAGE_USER_API_KEY));
        accounts().keyOf(owner, used);
        signInAs("admin");

        assertThatThrownBy(() -> sets.delete(used)).hasMessageContaining("carry");
        sets.delete(unused);
        assertThat(sets.all()).extracting(ApiSet::code).contains(used).doesNotContain(unused);
    }

    @Test
    void onlyHoldersOfManageApiSetsSeeTheViewOrMayChangeSets() {
        signInAs("dana");
        navigate(com.keyward.ui.HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("API Sets");
        assertThatThrownBy(() -> sets.create(new ApiSetForm("SNEAKY", "Sneaky", "Sneaky.", "me")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> sets.all()).isInstanceOf(AccessDeniedException.class);
        signInAs("admin");
        navigate(com.keyward.ui.HomeView.class);
        assertThat($(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("API Sets");
    }
}
