package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.role.Authority;
import com.keyward.ui.Labels;
import com.keyward.ui.SectionHeading;
import com.keyward.ui.Text;
import com.keyward.ui.Times;
import com.keyward.user.AccountSource;
import com.keyward.user.UserAccountDetails;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import java.util.Optional;

/**
 * The content of User Account Details: profile, status, roles and effective authorities, and the
 * API Keys section where the viewer may see one ({@link ApiKeysPlace}).
 */
public class UserAccountDetailsPanel extends Div {

    static final String API_KEYS_SECTION_ID = ApiKeysPlace.SECTION_ID;
    static final String API_KEYS_HINT_ID = "api-keys-hint";

    public UserAccountDetailsPanel(UserAccountDetails account, boolean ownAccount, ApiKeysPlace apiKeys) {
        this(account, ownAccount, apiKeys, Optional.empty());
    }

    public UserAccountDetailsPanel(
            UserAccountDetails account, boolean ownAccount, ApiKeysPlace apiKeys, Optional<Component> administration) {
        addClassName("user-account-details");
        FormLayout profile = new FormLayout();
        profile.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        profile.add(
                value(t("users.username"), account.username()),
                value(t("users.name"), account.displayName()),
                value(t("users.email"), account.email()),
                value(t("users.status"), Labels.of(account.status())),
                value(t("users.source"), Labels.of(account.source())),
                value(t("account.expires"), Times.minutes(account.accountExpiresAt(), t("time.never"))),
                value(t("account.created"), Times.minutes(account.createdAt(), "")),
                value(
                        account.source() == AccountSource.SSO ? t("account.lastssosignin") : t("users.lastsignin"),
                        Times.minutes(account.lastSignInAt(), t("time.never"))));
        if (account.source() == AccountSource.DIRECTORY) {
            profile.add(value(t("account.lastsync"), Times.minutes(account.directorySyncedAt(), t("time.never"))));
        }
        add(profile, roles(account));
        administration.ifPresent(this::add);
        add(authorities(account));
        Optional<Component> apiKeysSection = apiKeys.forAccount(account.id(), ownAccount);
        if (apiKeysSection.isPresent()) {
            add(apiKeysSection.get());
        } else if (ownAccount) {
            Paragraph hint = new Paragraph(t("account.apikeys.hint"));
            hint.setId(API_KEYS_HINT_ID);
            hint.addClassName("hint");
            add(hint);
        }
    }

    private static Component roles(UserAccountDetails account) {
        Section section = new Section(new SectionHeading(t("users.roles")));
        if (account.roles().isEmpty()) {
            section.add(new Paragraph(t("account.noroles")));
        } else {
            Div badges = new Div();
            badges.addClassName("badges");
            account.roles().forEach(role -> {
                boolean byGroup = account.mappedRoles().contains(role);
                String source = account.source() == AccountSource.SSO ? "sso" : "directory";
                Span badge = new Span(byGroup ? t("account.role.bygroup." + source, role) : role);
                badge.getElement().getThemeList().add(byGroup ? "badge contrast" : "badge");
                if (byGroup) {
                    badge.getElement().setAttribute("title", t("account.role.bygroup." + source + ".hint"));
                }
                badges.add(badge);
            });
            section.add(badges);
        }
        return section;
    }

    private static Component authorities(UserAccountDetails account) {
        Section section = new Section(new SectionHeading(t("account.authorities")));
        if (account.authorities().isEmpty()) {
            section.add(new Paragraph(t("account.noauthorities")));
            return section;
        }
        UnorderedList list = new UnorderedList();
        list.addClassName("authorities");
        for (Authority authority : account.authorities()) {
            ListItem item = new ListItem(Text.tOr("authority." + authority.code(), authority.name()));
            item.addClassName("level-" + authority.level().name().toLowerCase(Locale.ROOT));
            item.getElement().setAttribute("title", Labels.of(authority.level()) + " · " + authority.code());
            list.add(item);
        }
        section.add(list);
        return section;
    }

    private static TextField value(String label, String value) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        return field;
    }
}
