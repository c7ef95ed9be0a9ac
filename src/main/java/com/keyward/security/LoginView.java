package com.keyward.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The sign-in page. The form posts to Spring Security; its answer comes back as a query parameter. */
@Route(value = LoginView.ROUTE, autoLayout = false)
@PageTitle("Sign in · Keyward")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    static final String UNAVAILABLE = "unavailable";
    static final String DATABASE_AWAY = "database-away";
    static final String SESSION_LOST = "session-lost";
    static final String SIGNED_OUT = "signed-out";
    /** Query parameter of a refused SSO sign-in; its value says why. */
    static final String SSO_REFUSED = "sso";

    /** Why an SSO sign-in was refused (Keyward's own codes, else Spring Security's) → what the person is told. */
    private static final Map<String, String> SSO_REASONS = Map.of(
            "keyward_no_username",
            "The identity provider did not say who you are (no username in its answer). Ask your administrator "
                    + "to check Keyward's SSO settings.",
            "keyward_username_taken",
            "Your username belongs to another Keyward account (a local or directory one), so you cannot sign in "
                    + "through the identity provider. Ask your administrator.",
            "keyward_account_not_allowed",
            "Your Keyward account is disabled, locked or expired. Ask your administrator.",
            "authorization_request_not_found",
            "The sign-in came back without the request Keyward sent (an old or forged link). Start again with the "
                    + "button below.");

    /** Query parameter set by the failure handler → what the person is told. */
    private static final Map<String, String[]> FAILURES = Map.of(
            "error",
            new String[] {
                "Sign-in failed",
                "Check your username and password and try again. After several failed attempts in a row an "
                        + "account is locked for a while; a disabled or expired account cannot sign in (ask an "
                        + "administrator)."
            },
            UNAVAILABLE,
            new String[] {
                "Sign-in is unavailable",
                "Your organisation's directory cannot be reached just now. Try again in a few minutes; if it "
                        + "persists, tell your administrator."
            },
            DATABASE_AWAY,
            new String[] {
                "Sign-in is unavailable",
                "Keyward cannot reach its database just now. Try again in a minute; if it persists, tell your "
                        + "administrator."
            },
            SESSION_LOST,
            new String[] {
                "Your session ended, please sign in again",
                "The server that held your session stopped or the session timed out. After signing in you return "
                        + "to the page you were on."
            },
            SignInThrottleFilter.THROTTLED,
            new String[] {"Too many sign-in attempts", "Wait a minute, then try again."},
            SignedInSessions.ENDED,
            new String[] {
                "Your session has ended",
                "Your password was changed, an administrator changed your account, or it can no longer sign in. "
                        + "Sign in again to continue."
            });

    /** Query parameter after a step that ends on this page → what the person is told. */
    private static final Map<String, String> NOTICES = Map.of(
            SIGNED_OUT,
            "You have signed out.",
            "password-set",
            "Your password is set. Sign in with it.",
            "set-up",
            "The first administrator is created. Sign in with the password you chose.");

    private final LoginForm form = new LoginForm();
    private final Paragraph notice = new Paragraph();

    public LoginView(
            ObjectProvider<ClientRegistrationRepository> ssoRegistrations,
            @Value("${keyward.local-login:true}") boolean passwordSignIn) {
        addClassName("login-view");
        form.setAction(ROUTE);
        form.setForgotPasswordButtonVisible(false);
        notice.addClassName("sign-in-notice");
        notice.getElement().setAttribute("role", "status");
        notice.setVisible(false);
        add(new H1("Keyward"), new Paragraph("API keys and access for your organisation's applications"), notice);
        if (ssoRegistrations.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                if (registration instanceof ClientRegistration provider) {
                    Anchor signIn = new Anchor(
                            "oauth2/authorization/" + provider.getRegistrationId(),
                            "Sign in with " + provider.getClientName());
                    // a server URL, not a view: the browser goes there itself
                    signIn.setRouterIgnore(true);
                    signIn.addClassName("sso-sign-in");
                    add(signIn);
                }
            }
        }
        if (passwordSignIn) {
            add(form);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the page may have come here by a reload and a redirect rather than by ?ended
        Map<String, List<String>> parameters = took(SignedInSessions.ENDED_ATTRIBUTE)
                ? Map.of(SignedInSessions.ENDED, List.of())
                : took(LostSessionFilter.LOST_ATTRIBUTE)
                        ? Map.of(SESSION_LOST, List.of())
                        : event.getLocation().getQueryParameters().getParameters();
        NOTICES.entrySet().stream()
                .filter(entry -> parameters.containsKey(entry.getKey()))
                .findFirst()
                .ifPresent(entry -> {
                    notice.setText(entry.getValue());
                    notice.setVisible(true);
                });
        List<String> sso = parameters.get(SSO_REFUSED);
        if (sso != null) {
            showError(
                    "Single sign-on did not work",
                    SSO_REASONS.getOrDefault(
                            sso.isEmpty() ? "" : sso.getFirst(),
                            "The identity provider's answer was not accepted. Try again; if it persists, tell your "
                                    + "administrator."));
            return;
        }
        FAILURES.entrySet().stream()
                .filter(failure -> parameters.containsKey(failure.getKey()))
                .findFirst()
                .ifPresent(failure -> showError(failure.getValue()[0], failure.getValue()[1]));
    }

    /** Whether this browser's session carries the mark (its sign-in was ended, or lost); asking forgets it. */
    private static boolean took(String mark) {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        if (http == null || http.getAttribute(mark) == null) {
            return false;
        }
        http.removeAttribute(mark);
        return true;
    }

    private void showError(String title, String message) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }
}
