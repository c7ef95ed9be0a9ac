package com.keyward.ui;

import com.vaadin.flow.component.radiobutton.RadioButtonGroup;

/**
 * A group of radio buttons is one Tab stop, on the checked choice (the first when none is), as
 * in every native form; the arrow keys move between the choices. Vaadin's group otherwise makes
 * each choice a stop of its own and Tab lands on the first one whatever is checked.
 */
public final class RadioGroups {

    private static final String ONE_TAB_STOP = """
            const group = this;
            const update = () => {
              const radios = [...group.querySelectorAll('vaadin-radio-button')];
              const stop = radios.find(radio => radio.checked) || radios[0];
              radios.forEach(radio => radio.setAttribute('tabindex', radio === stop ? '0' : '-1'));
            };
            new MutationObserver(update).observe(group,
              { subtree: true, childList: true, attributes: true, attributeFilter: ['checked'] });
            update();
            """;

    private RadioGroups() {}

    public static <T> RadioButtonGroup<T> oneTabStop(RadioButtonGroup<T> group) {
        group.getElement().executeJs(ONE_TAB_STOP);
        return group;
    }
}
