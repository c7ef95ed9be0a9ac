package com.keyward.security;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Role changes reach a signed-in person at their next navigation: before every view is entered,
 * the session's authentication is replaced by the account as it is now (without its password
 * hash). An account that may no longer sign in loses its session there too.
 */
@Component
public class AuthorityRefresh implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final SignedInSessions sessions;

    public AuthorityRefresh(CurrentUser currentUser, SignedInSessions sessions) {
        this.currentUser = currentUser;
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
                    if (!refresh()) {
                        // the page was on its way while the account changed: it still gets the message
                        enter.forwardTo(LoginView.ROUTE, QueryParameters.fromString(SignedInSessions.ENDED));
                    }
                }));
    }

    /** Puts the account as it is now into the session; false when the session ended because it may no longer act. */
    boolean refresh() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInUser)) {
            return true;
        }
        var fresh = currentUser.get();
        if (fresh.isEmpty()) {
            SecurityContextHolder.getContext().setAuthentication(null);
            return false;
        }
        Authentication refreshed = ((SignedInUser) current.getPrincipal()).renewedWith(fresh.get(), current);
        SecurityContextHolder.getContext().setAuthentication(refreshed);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            sessions.register(fresh.get().getUsername(), session);
        }
        return true;
    }
}
