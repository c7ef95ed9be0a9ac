package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwinColSelectTest {

    TwinColSelect<String> select;
    List<Set<String>> changes = new ArrayList<>();

    @BeforeEach
    void create() {
        select = new TwinColSelect<>("API sets", "Available API", "Selected API");
        select.setItems(List.of("Users API", "Account API", "Roles API", "Audit API"));
        select.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                changes.add(change.getValue());
            }
        });
    }

    @Test
    void itemsStartAvailableAndSortedByLabel() {
        assertThat(select.getValue()).isEmpty();
        assertThat(itemsOf(select.available)).containsExactly("Account API", "Audit API", "Roles API", "Users API");
        assertThat(itemsOf(select.selected)).isEmpty();
    }

    @Test
    void theRightArrowMovesTheChosenItemsAndTheValueFollows() {
        select.available.select("Users API", "Account API");
        select.add.click();

        assertThat(select.getValue()).containsExactlyInAnyOrder("Users API", "Account API");
        assertThat(itemsOf(select.selected)).containsExactly("Account API", "Users API");
        assertThat(itemsOf(select.available)).containsExactly("Audit API", "Roles API");
        assertThat(changes).hasSize(1);
    }

    @Test
    void theLeftArrowMovesThemBack() {
        select.setValue(Set.of("Roles API", "Audit API"));
        select.selected.select("Roles API");
        select.remove.click();

        assertThat(select.getValue()).containsExactly("Audit API");
        assertThat(itemsOf(select.available)).containsExactly("Account API", "Roles API", "Users API");
    }

    @Test
    void moveAllButtonsMoveEverythingShown() {
        select.addAll.click();
        assertThat(select.getValue()).hasSize(4);
        select.removeAll.click();
        assertThat(select.getValue()).isEmpty();
    }

    @Test
    void arrowsAreDisabledWhenThereIsNothingToMove() {
        assertThat(select.add.isEnabled()).isFalse();
        assertThat(select.remove.isEnabled()).isFalse();
        assertThat(select.removeAll.isEnabled()).isFalse();
        assertThat(select.addAll.isEnabled()).isTrue();
        select.available.select("Audit API");
        assertThat(select.add.isEnabled()).isTrue();
    }

    @Test
    void everyButtonHasAnAccessibleName() {
        assertThat(List.of(select.add, select.addAll, select.remove, select.removeAll))
                .extracting(button -> button.getAriaLabel().orElse(""))
                .containsExactly("Add selected", "Add all", "Remove selected", "Remove all");
        assertThat(select.available.getElement().getAttribute("aria-label")).isEqualTo("Available API");
        assertThat(select.selected.getElement().getAttribute("aria-label")).isEqualTo("Selected API");
    }

    @Test
    void aReadOnlyFieldMovesNothing() {
        select.setReadOnly(true);
        select.available.select("Audit API");
        select.add.click();
        assertThat(select.getValue()).isEmpty();
        assertThat(select.addAll.isEnabled()).isFalse();
    }

    @Test
    void aLongListGetsAFilterThatNarrowsBothColumns() {
        TextField filter = filterOf(select);
        assertThat(filter.isVisible()).isFalse();

        select.setItems(IntStream.rangeClosed(1, 12).mapToObj(i -> "Set " + i).toList());
        assertThat(filter.isVisible()).isTrue();
        filter.setValue("set 1");
        assertThat(itemsOf(select.available)).containsExactly("Set 1", "Set 10", "Set 11", "Set 12");
        select.addAll.click();
        assertThat(select.getValue()).containsExactlyInAnyOrder("Set 1", "Set 10", "Set 11", "Set 12");
    }

    @Test
    void itWorksWithBinderIncludingRequiredAndTheErrorMessage() {
        Binder<Form> binder = new Binder<>();
        binder.forField(select).asRequired("Select at least one API set.").bind(Form::getSets, Form::setSets);
        Form form = new Form();
        binder.setBean(form);

        assertThat(select.isRequiredIndicatorVisible()).isTrue();
        assertThat(binder.validate().isOk()).isFalse();
        assertThat(select.isInvalid()).isTrue();
        assertThat(select.getErrorMessage()).isEqualTo("Select at least one API set.");

        select.available.select("Roles API");
        select.add.click();
        assertThat(binder.validate().isOk()).isTrue();
        assertThat(select.isInvalid()).isFalse();
        assertThat(form.getSets()).containsExactly("Roles API");
    }

    private static List<String> itemsOf(com.vaadin.flow.component.listbox.MultiSelectListBox<String> list) {
        return list.getListDataView().getItems().toList();
    }

    private static TextField filterOf(TwinColSelect<String> select) {
        return (TextField) select.getContent()
                .getChildren()
                .filter(TextField.class::isInstance)
                .findFirst()
                .orElseThrow();
    }

    static class Form {
        private Set<String> sets = Set.of();

        Set<String> getSets() {
            return sets;
        }

        void setSets(Set<String> sets) {
            this.sets = sets;
        }
    }
}
