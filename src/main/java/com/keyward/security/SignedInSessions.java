package com.keyward.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open browser sessions of each signed-in person in this instance. When an administrator
 * changes an account (status, roles) or failed sign-ins lock it, that person's sessions end: the
 * sign-in is taken out of the session and every open page goes to the sign-in page with a message
 * (at once with push, else at the page's next request). Other instances notice within the
 * {@link CurrentUser} bound, at the next action.
 */
@Component
public class SignedInSessions implements VaadinServiceInitListener {

    public static final String ENDED = "ended";
    /** Marks a session whose sign-in was ended, so that the sign-in page says why however it is reached. */
    static final String ENDED_ATTRIBUTE = SignedInSessions.class.getName() + ".ended";

    private final Map<String, Set<VaadinSession>> byUsername = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionDestroyListener(
                        destroyed -> byUsername.values().forEach(sessions -> sessions.remove(destroyed.getSession())));
    }

    void register(String username, VaadinSession session) {
        byUsername
                .computeIfAbsent(username, ignored -> ConcurrentHashMap.newKeySet())
                .add(session);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAccountChanged(AccountChanged changed) {
        Set<VaadinSession> sessions = byUsername.remove(changed.username());
        if (sessions == null) {
            return;
        }
        for (VaadinSession session : sessions) {
            WrappedSession http = session.getSession();
            if (http != null && http.getId().equals(changed.keepSessionId())) {
                register(changed.username(), session);
            } else {
                end(session);
            }
        }
    }

    // the pages change whenever the session is next free; nobody waits for that
    @SuppressWarnings("FutureReturnValueIgnored")
    private static void end(VaadinSession session) {
        session.access(() -> {
            WrappedSession http = session.getSession();
            if (http != null) {
                http.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                http.setAttribute(ENDED_ATTRIBUTE, true);
            }
            // relative to the application's root, whatever the page's own path (/admin/users/dana)
            session.getUIs()
                    .forEach(ui -> ui.getPage()
                            .setLocation(
                                    ui.getInternals().getContextRootRelativePath() + LoginView.ROUTE + "?" + ENDED));
        });
    }
}
