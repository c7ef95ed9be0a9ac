package com.keyward.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Lumo and our own small stylesheet, without any frontend build. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/keyward.css")
public class AppShell implements AppShellConfigurator {
}
