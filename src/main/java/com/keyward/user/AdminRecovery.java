package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.role.RoleAssignments;
import com.keyward.security.AccountChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access for a locked-out installation, from the host ({@code java -jar keyward.jar recover-admin
 * NAME}), as Grafana's {@code grafana cli admin reset-admin-password} and GitLab's {@code
 * gitlab-rake gitlab:password:reset} do: whoever can run Keyward's jar with its settings holds
 * the database already, so nothing here asks who they are. The named local account gets a
 * one-time set-password link (printed, never logged); its password stops working, its sessions
 * end, a lock or an expiry that has passed is lifted; all of it audited with the actor
 * {@code host (recover-admin)}. An account without the Admin role is refused unless {@code
 * --grant-admin} says to give it the role: recovering an Admin is the common case, and making
 * one must be said out loud.
 */
@Service
public class AdminRecovery {

    /** What the command prints (one line) and its exit status: 0 for a link, otherwise why not. */
    public record Outcome(int exitStatus, String message) {}

    public static final int UNKNOWN_ACCOUNT = 2;
    public static final int NOT_AN_ADMIN = 3;
    public static final int CANNOT_RECOVER = 4;

    private final UserRepository users;
    private final RoleAssignments membership;
    private final PasswordLinks links;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicUrl;

    AdminRecovery(
            UserRepository users,
            RoleAssignments membership,
            PasswordLinks links,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${keyward.public-url:}") String publicUrl) {
        this.users = users;
        this.membership = membership;
        this.links = links;
        this.events = events;
        this.clock = clock;
        this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }

    @RetriedOnConflict
    @Transactional
    public Outcome recover(String username, boolean grantAdmin) {
        membership.lockAdminRole();
        var found = users.findAccountForUpdate(username.strip());
        if (found.isEmpty()) {
            return new Outcome(
                    UNKNOWN_ACCOUNT,
                    "recover-admin: there is no account named \"" + username.strip()
                            + "\" (name an existing account by its username; nothing was changed)");
        }
        UserRepository.UserAccountRecord account = found.get();
        String name = account.username();
        if (account.source() != AccountSource.LOCAL) {
            return new Outcome(
                    CANNOT_RECOVER,
                    "recover-admin: " + name + " signs in through "
                            + (account.source() == AccountSource.SSO ? "single sign-on" : "the directory")
                            + ", which keeps its password; name a local account (nothing was changed)");
        }
        if (account.status() == UserStatus.DISABLED || account.status() == UserStatus.DIRECTORY_DISABLED) {
            return new Outcome(
                    CANNOT_RECOVER,
                    "recover-admin: " + name + " is disabled; name an enabled account (nothing was changed)");
        }
        boolean admin = membership.holdsAdmin(account.id());
        if (!admin && !grantAdmin) {
            return new Outcome(
                    NOT_AN_ADMIN,
                    "recover-admin: " + name + " does not hold the Admin role; add --grant-admin to give it"
                            + " (nothing was changed)");
        }
        Instant now = clock.instant();
        List<String> done = new ArrayList<>();
        if (!admin) {
            membership.grantAdminByHost(account.id(), name);
            done.add("Admin role given");
        }
        if (account.status() == UserStatus.LOCKED) {
            users.endLock(account.id());
            done.add("lock lifted");
        }
        if (account.accountExpiresAt() != null && !account.accountExpiresAt().isAfter(now)) {
            users.updateProfile(account.id(), account.displayName(), account.email(), null);
            done.add("expiry lifted");
        }
        users.replacePassword(account.id(), null, now);
        SetPasswordLink link = links.issue(account.id(), name, account.email(), null);
        done.add("password cleared, sessions ended; a new set-password link expires "
                + link.expiresAt().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0));
        events.publishEvent(new AccountActivity(
                AccountActivity.Kind.RECOVERED_ON_HOST, account.id(), name, String.join("; ", done)));
        events.publishEvent(new AccountChanged(name));
        String where = publicUrl.isEmpty()
                ? "/" + link.path()
                        + "  (below Keyward's address; set KEYWARD_PUBLIC_URL to have the whole link printed)"
                : publicUrl + "/" + link.path();
        return new Outcome(
                0,
                "Set a new password for " + name + " within " + hours(link.expiresAt(), now) + " hours, once: "
                        + where);
    }

    private static long hours(Instant expires, Instant now) {
        return java.time.Duration.between(now, expires).toHours();
    }
}
