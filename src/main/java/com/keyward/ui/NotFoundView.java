package com.keyward.ui;

import static com.keyward.ui.Text.t;

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
        super("error.notfound.title");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String what = parameter.getCaughtException() instanceof NoSuchItemException item
                ? t(item.explanation())
                : t("error.notfound.page", "/" + event.getLocation().getPath());
        return show(event, what + " " + t("error.notfound.hint"), HttpServletResponse.SC_NOT_FOUND);
    }
}
