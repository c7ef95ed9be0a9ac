package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.component.AbstractCompositeField;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.MultiSelectListBox;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Two captioned lists, "available" and "selected", with buttons that move the chosen items (or
 * all shown items) across; double-clicking an item moves it too. Its value is the set of selected
 * items, so it works with {@code Binder} like any field, with required indicator and error
 * message. Items stay sorted by their label; a filter box appears when the lists are long.
 * Keyboard: arrows and Space choose items in a list, Tab reaches the buttons.
 */
public class TwinColSelect<T> extends AbstractCompositeField<Div, TwinColSelect<T>, Set<T>>
        implements HasValidation, HasLabel {

    /** More items than this bring the filter box. */
    static final int FILTER_THRESHOLD = 8;

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Span label = new Span();
    private final TextField filter = new TextField();
    final MultiSelectListBox<T> available = new MultiSelectListBox<>();
    final MultiSelectListBox<T> selected = new MultiSelectListBox<>();
    final Button add = moveButton(VaadinIcon.ANGLE_RIGHT, t("twincol.add"));
    final Button addAll = moveButton(VaadinIcon.ANGLE_DOUBLE_RIGHT, t("twincol.addall"));
    final Button remove = moveButton(VaadinIcon.ANGLE_LEFT, t("twincol.remove"));
    final Button removeAll = moveButton(VaadinIcon.ANGLE_DOUBLE_LEFT, t("twincol.removeall"));
    private final Span error = new Span();

    private List<T> items = List.of();
    private ItemLabelGenerator<T> itemLabel = String::valueOf;
    private ItemLabelGenerator<T> itemDescription = item -> "";

    public TwinColSelect(String label, String availableCaption, String selectedCaption) {
        super(Set.of());
        String id = "twin-col-" + IDS.incrementAndGet();
        Div root = getContent();
        root.addClassName("twin-col-select");
        root.getElement().setAttribute("role", "group");
        root.getElement().setAttribute("aria-labelledby", id + "-label");
        this.label.setId(id + "-label");
        this.label.addClassName("twin-col-label");
        setLabel(label);

        filter.setPlaceholder(t("twincol.filter"));
        filter.setAriaLabel(t("twincol.filter.label", label));
        filter.setClearButtonVisible(true);
        filter.setValueChangeMode(ValueChangeMode.EAGER);
        filter.setVisible(false);
        filter.addValueChangeListener(change -> refreshLists());

        ComponentRenderer<Div, T> renderer = new ComponentRenderer<>(item -> {
            Div text = new Div(new Span(itemLabel.apply(item)));
            String about = itemDescription.apply(item);
            if (about != null && !about.isBlank()) {
                Span second = new Span(about);
                second.addClassName("twin-col-item-description");
                text.add(second);
            }
            text.addClassName("twin-col-item");
            text.addDoubleClickListener(click -> move(Set.of(item), !getValue().contains(item)));
            return text;
        });
        available.setRenderer(renderer);
        selected.setRenderer(renderer);
        available.getElement().setAttribute("aria-label", availableCaption);
        selected.getElement().setAttribute("aria-label", selectedCaption);

        add.addClickListener(click -> {
            move(available.getSelectedItems(), true);
            focusAfterMove(available, selected);
        });
        addAll.addClickListener(click -> {
            move(shown(item -> !getValue().contains(item)), true);
            focusAfterMove(available, selected);
        });
        remove.addClickListener(click -> {
            move(selected.getSelectedItems(), false);
            focusAfterMove(selected, available);
        });
        removeAll.addClickListener(click -> {
            move(shown(getValue()::contains), false);
            focusAfterMove(selected, available);
        });
        available.addSelectionListener(change -> updateButtons());
        selected.addSelectionListener(change -> updateButtons());

        Div buttons = new Div(add, addAll, remove, removeAll);
        buttons.addClassName("twin-col-buttons");
        Div columns = new Div(column(availableCaption, available), buttons, column(selectedCaption, selected));
        columns.addClassName("twin-col-columns");
        error.addClassName("twin-col-error");
        error.setId(id + "-error");
        error.setVisible(false);
        error.getElement().setAttribute("aria-live", "polite");
        root.add(this.label, filter, columns, error);
        updateButtons();
    }

    public void setItems(Collection<T> items) {
        this.items = List.copyOf(items);
        filter.setVisible(this.items.size() > FILTER_THRESHOLD);
        setValue(Set.copyOf(getValue().stream().filter(this.items::contains).toList()));
        refreshLists();
    }

    public void setItemLabelGenerator(ItemLabelGenerator<T> itemLabel) {
        this.itemLabel = itemLabel;
        refreshLists();
    }

    /** A second, smaller line under each item's label (e.g. what an API set unlocks). */
    public void setItemDescriptionGenerator(ItemLabelGenerator<T> itemDescription) {
        this.itemDescription = itemDescription;
        refreshLists();
    }

    @Override
    public void setLabel(String text) {
        label.setText(text);
    }

    @Override
    public String getLabel() {
        return label.getText();
    }

    @Override
    public void setRequiredIndicatorVisible(boolean visible) {
        super.setRequiredIndicatorVisible(visible);
        label.getElement().setAttribute("data-required", visible);
    }

    @Override
    public void setErrorMessage(String errorMessage) {
        error.setText(errorMessage == null ? "" : errorMessage);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean invalid) {
        getContent().getElement().setAttribute("invalid", invalid);
        error.setVisible(invalid);
        // both lists say so to assistive technology, and point at the message
        for (MultiSelectListBox<T> list : List.of(available, selected)) {
            if (invalid) {
                list.getElement().setAttribute("aria-invalid", "true");
                list.getElement().setAttribute("aria-describedby", error.getId().orElseThrow());
            } else {
                list.getElement().removeAttribute("aria-invalid");
                list.getElement().removeAttribute("aria-describedby");
            }
        }
    }

    @Override
    public boolean isInvalid() {
        return getContent().getElement().hasAttribute("invalid");
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        super.setReadOnly(readOnly);
        available.setReadOnly(readOnly);
        selected.setReadOnly(readOnly);
        updateButtons();
    }

    @Override
    protected void setPresentationValue(Set<T> value) {
        refreshLists();
    }

    @Override
    protected boolean valueEquals(Set<T> a, Set<T> b) {
        return Set.copyOf(a).equals(Set.copyOf(b));
    }

    private void move(Set<T> chosen, boolean toSelected) {
        if (chosen.isEmpty() || isReadOnly() || !isEnabled()) {
            return;
        }
        Set<T> value = new LinkedHashSet<>(getValue());
        if (toSelected) {
            value.addAll(chosen);
        } else {
            value.removeAll(chosen);
        }
        setModelValue(Collections.unmodifiableSet(value), true);
        refreshLists();
    }

    /**
     * After a move the clicked button is usually disabled: the focus goes on to the list the items
     * came from, to choose more, or to the other list when nothing is left to choose.
     */
    private static void focusAfterMove(MultiSelectListBox<?> from, MultiSelectListBox<?> to) {
        boolean more = from.getListDataView().getItemCount() > 0;
        (more ? from : to).getElement().executeJs("this.focus()");
    }

    private Set<T> shown(Predicate<T> side) {
        Set<T> shown = new LinkedHashSet<>();
        for (T item : items) {
            if (side.test(item) && matchesFilter(item)) {
                shown.add(item);
            }
        }
        return shown;
    }

    private void refreshLists() {
        Comparator<T> byLabel =
                Comparator.comparing(item -> itemLabel.apply(item).toLowerCase(Locale.ROOT));
        List<T> left = new ArrayList<>(shown(item -> !getValue().contains(item)));
        List<T> right = new ArrayList<>(shown(getValue()::contains));
        left.sort(byLabel);
        right.sort(byLabel);
        available.setItems(left);
        selected.setItems(right);
        updateButtons();
    }

    private boolean matchesFilter(T item) {
        String text = filter.getValue().strip().toLowerCase(Locale.ROOT);
        return text.isEmpty() || itemLabel.apply(item).toLowerCase(Locale.ROOT).contains(text);
    }

    private void updateButtons() {
        boolean editable = !isReadOnly();
        add.setEnabled(editable && !available.getSelectedItems().isEmpty());
        remove.setEnabled(editable && !selected.getSelectedItems().isEmpty());
        addAll.setEnabled(editable && !shown(item -> !getValue().contains(item)).isEmpty());
        removeAll.setEnabled(editable && !shown(getValue()::contains).isEmpty());
    }

    private static Div column(String caption, MultiSelectListBox<?> list) {
        Span title = new Span(caption);
        title.addClassName("twin-col-caption");
        title.getElement().setAttribute("aria-hidden", "true");
        Div column = new Div(title, list);
        column.addClassName("twin-col-column");
        return column;
    }

    private static Button moveButton(VaadinIcon icon, String name) {
        Button button = new Button(icon.create());
        button.setAriaLabel(name);
        button.setTooltipText(name);
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        return button;
    }
}
