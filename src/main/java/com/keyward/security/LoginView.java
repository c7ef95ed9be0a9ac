package com.keyward.security;

import com.keyward.validation.Translations;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
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
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    public static final String ROUTE = "login";
    static final String UNAVAILABLE = "unavailable";
    static final String DATABASE_AWAY = "database-away";
    static final String SESSION_LOST = "session-lost";
    static final String SIGNED_OUT = "signed-out";
    static final String BOUND = "bound";
    /** Query parameter of a refused SSO sign-in; its value says why. */
    static final String SSO_REFUSED = "sso";

    /** Why an SSO sign-in was refused (Keyward's own codes, else Spring Security's) → its text's key. */
    private static final Map<String, String> SSO_REASONS = Map.of(
            "keyward_no_username", "login.sso.nousername",
            "keyward_username_taken", "login.sso.taken",
            "keyward_username_bound", "login.sso.bound",
            "keyward_account_not_allowed", "login.sso.notallowed",
            "authorization_request_not_found", "login.sso.norequest");

    /** Query parameter set by the failure handler → the keys of its title and text (login.failure.<key>.*). */
    private static final Map<String, String> FAILURES = Map.of(
            "error",
            "error",
            UNAVAILABLE,
            "unavailable",
            DATABASE_AWAY,
            "database",
            SESSION_LOST,
            "lost",
            SignInThrottleFilter.THROTTLED,
            "throttled",
            SignedInSessions.ENDED,
            "ended",
            BOUND,
            "bound");

    /** Query parameter after a step that ends on this page → its text's key. */
    private static final Map<String, String> NOTICES = Map.of(
            SIGNED_OUT,
            "login.notice.signedout",
            "password-set",
            "login.notice.passwordset",
            "set-up",
            "login.notice.setup");

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
        add(new H1(tr("app.name")), new Paragraph(tr("login.tagline")), notice);
        form.setI18n(i18n());
        if (ssoRegistrations.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                if (registration instanceof ClientRegistration provider) {
                    Anchor signIn = new Anchor(
                            "oauth2/authorization/" + provider.getRegistrationId(),
                            tr("login.sso.with", provider.getClientName()));
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
                    notice.setText(tr(entry.getValue()));
                    notice.setVisible(true);
                });
        List<String> sso = parameters.get(SSO_REFUSED);
        if (sso != null) {
            showError(
                    tr("login.sso.failed"),
                    tr(SSO_REASONS.getOrDefault(sso.isEmpty() ? "" : sso.getFirst(), "login.sso.rejected")));
            return;
        }
        FAILURES.entrySet().stream()
                .filter(failure -> parameters.containsKey(failure.getKey()))
                .findFirst()
                .ifPresent(failure -> showError(
                        tr("login.failure." + failure.getValue() + ".title"),
                        tr("login.failure." + failure.getValue() + ".text")));
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
        LoginI18n i18n = i18n();
        i18n.getErrorMessage().setTitle(title);
        i18n.getErrorMessage().setMessage(message);
        form.setI18n(i18n);
        form.setError(true);
    }

    /** The form's own words in the page's language. */
    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(tr("login.title"));
        i18n.getForm().setUsername(tr("users.username"));
        i18n.getForm().setPassword(tr("setup.password"));
        i18n.getForm().setSubmit(tr("login.submit"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return tr("login.pagetitle");
    }

    /** The page's words in its language (through the translation files, as everywhere in the console). */
    private String tr(String key, Object... args) {
        return Translations.text(getLocale(), key, args);
    }
}
