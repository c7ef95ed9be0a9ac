package com.keyward.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The open browser sessions of each signed-in person in this instance: every HTTP session
 * signed in (registered at sign-in, whether or not it ever opens a page) and the Vaadin sessions
 * of its pages. When an administrator changes an account (status, roles, password), that
 * person's sessions end: the sign-in is taken out of each session, and every open page goes to
 * the sign-in page with a message (at once with push, else at the page's next request). Other
 * instances notice within the {@link CurrentUser} bound, at the next action.
 */
@Component
public class SignedInSessions implements VaadinServiceInitListener, HttpSessionListener {

    public static final String ENDED = "ended";
    /** Marks a session whose sign-in was ended, so that the sign-in page says why however it is reached. */
    static final String ENDED_ATTRIBUTE = SignedInSessions.class.getName() + ".ended";

    private final Map<String, Set<VaadinSession>> byUsername = new ConcurrentHashMap<>();
    private final Map<String, Set<HttpSession>> httpByUsername = new ConcurrentHashMap<>();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionDestroyListener(
                        destroyed -> byUsername.values().forEach(sessions -> sessions.remove(destroyed.getSession())));
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent destroyed) {
        httpByUsername.values().forEach(sessions -> sessions.remove(destroyed.getSession()));
    }

    /** A password (or directory) sign-in: its HTTP session belongs to the account from now on. */
    @EventListener
    void onSignIn(AuthenticationSuccessEvent signedIn) {
        register(signedIn.getAuthentication());
    }

    /** Every interactive sign-in (SSO included): the same. */
    @EventListener
    void onSignIn(InteractiveAuthenticationSuccessEvent signedIn) {
        register(signedIn.getAuthentication());
    }

    private void register(Authentication authentication) {
        if (authentication.getPrincipal() instanceof SignedInUser user
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            if (session != null) {
                register(user.getUsername(), session);
            }
        }
    }

    private void register(String username, HttpSession session) {
        httpByUsername
                .computeIfAbsent(username, ignored -> ConcurrentHashMap.newKeySet())
                .add(session);
    }

    void register(String username, VaadinSession session) {
        byUsername
                .computeIfAbsent(username, ignored -> ConcurrentHashMap.newKeySet())
                .add(session);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onAccountChanged(AccountChanged changed) {
        Set<HttpSession> signedIn = httpByUsername.remove(changed.username());
        for (HttpSession session : signedIn == null ? Set.<HttpSession>of() : signedIn) {
            try {
                if (session.getId().equals(changed.keepSessionId())) {
                    register(changed.username(), session);
                } else {
                    // requests without a page (the metrics, a download) find no sign-in any more
                    session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                    session.setAttribute(ENDED_ATTRIBUTE, true);
                }
            } catch (IllegalStateException invalidated) {
                // ended meanwhile: nothing left to take out
            }
        }
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
