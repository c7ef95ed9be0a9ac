package com.keyward.ui;

import static com.keyward.ui.Text.t;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A page this person's roles do not open, inside the shell, saying so and who can help. */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends ShellErrorView implements HasErrorParameter<AccessDeniedException> {

    public AccessDeniedView() {
        super("error.denied.title");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return show(
                event, t("error.denied.text", "/" + event.getLocation().getPath()), HttpServletResponse.SC_FORBIDDEN);
    }
}
