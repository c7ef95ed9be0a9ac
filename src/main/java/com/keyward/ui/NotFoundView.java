package com.keyward.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An address that leads nowhere, inside the shell (instead of Vaadin's bare "Could not navigate"). */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends ShellErrorView implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        super("Page not found");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String what = parameter.getCaughtException() instanceof NoSuchItemException item
                ? item.getMessage()
                : "There is no page at /" + event.getLocation().getPath() + ".";
        return show(event, what + " Check the address, or use the navigation.", HttpServletResponse.SC_NOT_FOUND);
    }
}
