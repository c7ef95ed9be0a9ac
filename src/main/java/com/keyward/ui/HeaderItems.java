package com.keyward.ui;

import com.vaadin.flow.component.Component;

/**
 * Something another module puts into the shell's header (the key reminders' bell), without the
 * shell depending on that module. Each open page gets its own component.
 */
public interface HeaderItems {

    Component create();
}
