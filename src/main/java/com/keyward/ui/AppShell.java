package com.keyward.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Lumo and our own small stylesheet, without any frontend build. Server push: a page whose
 * session an administrator ended goes to the sign-in page at once, not at its next click.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/keyward.css")
public class AppShell implements AppShellConfigurator {}
