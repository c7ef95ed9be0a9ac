package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.Authority;
import com.keyward.ui.Labels;
import com.keyward.ui.OnDemand;
import com.keyward.ui.StaticHtml;
import com.keyward.ui.Text;
import com.keyward.ui.Times;
import com.keyward.user.AccountSource;
import com.keyward.user.UserAccountDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import jakarta.annotation.Nullable;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jsoup.nodes.Element;

/**
 * The content of User Account Details: profile, status, roles and effective authorities, and the
 * API Keys section where the viewer may see one ({@link ApiKeysPlace}).
 */
public class UserAccountDetailsPanel extends Div {

    static final String API_KEYS_SECTION_ID = ApiKeysPlace.SECTION_ID;
    static final String API_KEYS_HINT_ID = "api-keys-hint";

    /** On a page (My account): everything shown at once, section headings at level 2. */
    public UserAccountDetailsPanel(UserAccountDetails account, boolean ownAccount, ApiKeysPlace apiKeys) {
        this(account, ownAccount, apiKeys, Optional.empty(), null);
    }

    /**
     * In User Account Details (section headings at level 3 under the window's title): the
     * administration and another person's API Keys are built when their reader opens them, and
     * {@code opened} (kept by the window's owner) remembers which were, across redraws. Without
     * {@code opened} the panel is on a page.
     */
    public UserAccountDetailsPanel(
            UserAccountDetails account,
            boolean ownAccount,
            ApiKeysPlace apiKeys,
            Optional<Supplier<Component>> administration,
            @Nullable Set<String> opened) {
        boolean inWindow = opened != null;
        addClassName("user-account-details");
        // what is only read is drawn as two blocks of markup, not as a component per value: the
        // window is open in many sessions at once, and each component would cost its session
        Element summary = new Element("div").addClass("account-summary");
        summary.appendChild(profile(account));
        summary.appendChild(roles(account, inWindow));
        add(StaticHtml.of(summary));
        if (opened != null) {
            // offered in the window only: nobody administers their own account on My account
            administration.ifPresent(section -> add(
                    OnDemand.section(AccountAdministration.ID, t("admin.section"), t("admin.show"), section, opened)));
        }
        add(StaticHtml.of(authorities(account, inWindow)));
        Optional<Supplier<Component>> apiKeysSection = apiKeys.forAccount(account.id(), ownAccount);
        if (apiKeysSection.isPresent()) {
            // one's own keys at once (the place to generate one); another person's on demand
            add(
                    opened == null || ownAccount
                            ? apiKeysSection.get().get()
                            : OnDemand.section(
                                    API_KEYS_SECTION_ID,
                                    t("keys.title"),
                                    t("keys.showsection"),
                                    apiKeysSection.get(),
                                    opened));
        } else if (ownAccount) {
            Paragraph hint = new Paragraph(t("account.apikeys.hint"));
            hint.setId(API_KEYS_HINT_ID);
            hint.addClassName("hint");
            add(hint);
        }
    }

    private static Element profile(UserAccountDetails account) {
        Element profile = new Element("dl").addClass("profile");
        value(profile, t("users.username"), account.username());
        value(profile, t("users.name"), account.displayName());
        value(profile, t("users.email"), account.email());
        value(profile, t("users.status"), Labels.of(account.status()));
        value(profile, t("users.source"), Labels.of(account.source()));
        value(profile, t("account.expires"), Times.minutes(account.accountExpiresAt(), t("time.never")));
        value(profile, t("account.created"), Times.minutes(account.createdAt(), ""));
        value(
                profile,
                account.source() == AccountSource.SSO ? t("account.lastssosignin") : t("users.lastsignin"),
                Times.minutes(account.lastSignInAt(), t("time.never")));
        if (account.source() == AccountSource.DIRECTORY) {
            value(profile, t("account.lastsync"), Times.minutes(account.directorySyncedAt(), t("time.never")));
        }
        return profile;
    }

    private static void value(Element list, String label, String value) {
        Element pair = list.appendElement("div");
        pair.appendElement("dt").text(label);
        pair.appendElement("dd").text(value == null ? "" : value);
    }

    private static Element roles(UserAccountDetails account, boolean inWindow) {
        Element section = new Element("section").addClass("roles");
        section.appendChild(StaticHtml.heading(t("users.roles"), inWindow));
        if (account.roles().isEmpty()) {
            section.appendElement("p").text(t("account.noroles"));
            return section;
        }
        Element badges = section.appendElement("div").addClass("badges");
        account.roles().forEach(role -> {
            boolean byGroup = account.mappedRoles().contains(role);
            String source = account.source() == AccountSource.SSO ? "sso" : "directory";
            Element badge = badges.appendElement("span")
                    .text(byGroup ? t("account.role.bygroup." + source, role) : role)
                    .attr("theme", byGroup ? "badge contrast" : "badge");
            if (byGroup) {
                badge.attr("title", t("account.role.bygroup." + source + ".hint"));
            }
        });
        return section;
    }

    private static Element authorities(UserAccountDetails account, boolean inWindow) {
        Element section = new Element("section").addClass("effective-authorities");
        section.appendChild(StaticHtml.heading(t("account.authorities"), inWindow));
        if (account.authorities().isEmpty()) {
            section.appendElement("p").text(t("account.noauthorities"));
            return section;
        }
        Element list = section.appendElement("ul").addClass("authorities");
        for (Authority authority : account.authorities()) {
            list.appendElement("li")
                    .text(Text.tOr("authority." + authority.code(), authority.name()))
                    .addClass("level-" + authority.level().name().toLowerCase(Locale.ROOT))
                    .attr("title", Labels.of(authority.level()) + " · " + authority.code());
        }
        return section;
    }
}
