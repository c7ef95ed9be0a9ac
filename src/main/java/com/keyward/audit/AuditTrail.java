package com.keyward.audit;

import com.keyward.apikey.ApiKeyApprovalDecided;
import com.keyward.apikey.ApiKeyApprovalRequested;
import com.keyward.apikey.ApiKeyGenerated;
import com.keyward.apikey.ApiKeyLeaked;
import com.keyward.apikey.ApiKeyRevoked;
import com.keyward.apikey.ApiKeyRolled;
import com.keyward.apiset.ApiSet;
import com.keyward.apiset.ApiSetChanged;
import com.keyward.role.AdministrationRefused;
import com.keyward.role.MembershipChanged;
import com.keyward.role.RoleChanged;
import com.keyward.user.AccountActivity;
import com.keyward.user.AccountSource;
import com.keyward.user.AccountStatusChanged;
import com.keyward.user.ExternalAccounts;
import com.keyward.user.ExternalIdentityRefused;
import com.keyward.user.UserStatus;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the audit log by listening to the other modules' events: none of them calls the audit
 * module. Each entry is written just before the change's transaction commits, inside it, so an
 * entry exists exactly when its change does (after the commit, a failure could lose it).
 */
@Component
class AuditTrail {

    /** The actor of what someone did with the jar on the host, where nobody is signed in. */
    static final String HOST_COMMAND = "host (recover-admin)";

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyGenerated generated) {
        log.record(
                AuditEventType.API_KEY_GENERATED,
                generated.ownerId(),
                generated.ownerUsername(),
                "Key \"" + generated.name() + "\" (" + generated.hint() + ") for "
                        + String.join(", ", generated.apiSetNames()) + ", expires "
                        + generated.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyApprovalRequested requested) {
        log.record(
                AuditEventType.API_KEY_APPROVAL_REQUESTED,
                requested.ownerId(),
                requested.ownerUsername(),
                "Key \"" + requested.name() + "\" (" + requested.hint() + ") awaits approval for "
                        + String.join(", ", requested.pendingSetNames()) + ": " + requested.justification());
    }

    /** The approver is the actor; the key's owner is the subject. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyApprovalDecided decided) {
        log.record(
                decided.approved() ? AuditEventType.API_KEY_APPROVED : AuditEventType.API_KEY_DENIED,
                decided.ownerId(),
                decided.ownerUsername(),
                "Key \"" + decided.name() + "\" (" + decided.hint() + "), "
                        + String.join(", ", decided.setNames())
                        + (decided.reason() == null ? "" : ": " + decided.reason()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyRevoked revoked) {
        log.record(
                AuditEventType.API_KEY_REVOKED,
                revoked.ownerId(),
                revoked.ownerUsername(),
                "Key \"" + revoked.name() + "\" (" + revoked.hint() + ")"
                        + (revoked.reason() == null ? "" : ": " + revoked.reason()));
    }

    /** The actor is the outside identity that asserted the name; the account it named is the target. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ExternalIdentityRefused refused) {
        boolean sso = refused.source() == AccountSource.SSO;
        log.recordAs(
                (sso ? "sso:" : "directory:") + printable(refused.externalId()),
                AuditEventType.SIGN_IN_REFUSED,
                refused.userId(),
                refused.username(),
                (sso ? "SSO identity (issuer " + printable(refused.issuer()) + ", subject " : "Directory entry (")
                        + printable(refused.externalId()) + ") asserted the username \""
                        + printable(refused.assertedUsername()) + "\", which belongs to this account, "
                        + (refused.why() == ExternalAccounts.Why.OTHER_SOURCE
                                ? "an account of another source"
                                : "bound to another identity")
                        + ": refused, nothing changed");
    }

    /** Text an outside party chose, without control or format characters (bidi overrides and the like). */
    private static String printable(String outside) {
        return outside.replaceAll("\\p{C}", "?");
    }

    /** Revoked by Keyward itself on a leak report: no person did it. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyLeaked leaked) {
        log.recordBySystem(
                AuditEventType.API_KEY_LEAKED,
                leaked.ownerId(),
                leaked.ownerUsername(),
                "Key \"" + leaked.name() + "\" (" + leaked.hint() + ") revoked on a leak report: found at "
                        + (leaked.url() == null ? "an unnamed place" : leaked.url())
                        + (leaked.source() == null ? "" : " (" + leaked.source() + ")"));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiKeyRolled rolled) {
        log.record(
                AuditEventType.API_KEY_ROLLED,
                rolled.ownerId(),
                rolled.ownerUsername(),
                "Key \"" + rolled.name() + "\" (" + rolled.oldHint() + ") rolled to " + rolled.newHint()
                        + "; the old key works until "
                        + rolled.oldWorksUntil()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDateTime()
                                .withNano(0)
                        + " UTC, the new one expires "
                        + rolled.newExpiresAt().atOffset(ZoneOffset.UTC).toLocalDate());
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(ApiSetChanged changed) {
        ApiSet before = changed.before();
        ApiSet after = changed.after();
        if (before == null && after != null) {
            log.record(AuditEventType.API_SET_REGISTERED, null, null, describe(after));
        } else if (before != null && after != null) {
            log.record(AuditEventType.API_SET_CHANGED, null, null, describe(before) + " → " + describe(after));
        } else if (before != null) {
            log.record(AuditEventType.API_SET_DELETED, null, null, describe(before));
        }
    }

    private static String describe(ApiSet set) {
        return "API set " + set.code() + " \"" + set.name() + "\" of " + set.ownerService()
                + (set.needsApproval() ? ", needs approval" : "");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RoleChanged changed) {
        RoleChanged.Snapshot before = changed.before();
        RoleChanged.Snapshot after = changed.after();
        if (before == null && after != null) {
            log.record(AuditEventType.ROLE_CREATED, null, null, describe(after));
        } else if (before != null && after != null) {
            log.record(
                    AuditEventType.ROLE_CHANGED, null, null, "Was: " + describe(before) + ". Now: " + describe(after));
        } else if (before != null) {
            log.record(AuditEventType.ROLE_DELETED, null, null, "Role \"" + before.name() + "\"");
        }
    }

    /** Recorded whether or not the attempt's transaction commits: it changed nothing, and is refused. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMPLETION, fallbackExecution = true)
    void on(AdministrationRefused refused) {
        log.recordRefusal(
                AuditEventType.ADMINISTRATION_REFUSED,
                refused.userId(),
                refused.username(),
                "Refused: " + refused.action() + "; the account holds " + String.join(", ", refused.missing())
                        + ", which the actor does not");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MembershipChanged changed) {
        log.record(
                changed.assigned() ? AuditEventType.ROLE_ASSIGNED : AuditEventType.ROLE_REMOVED,
                changed.userId(),
                changed.username(),
                "Role \"" + changed.role() + "\"");
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountStatusChanged changed) {
        AuditEventType type = switch (changed.to()) {
            case ENABLED ->
                changed.from() == UserStatus.LOCKED ? AuditEventType.ACCOUNT_UNLOCKED : AuditEventType.ACCOUNT_ENABLED;
            case DISABLED -> AuditEventType.ACCOUNT_DISABLED;
            case LOCKED -> AuditEventType.ACCOUNT_LOCKED;
            case DIRECTORY_DISABLED -> AuditEventType.ACCOUNT_DIRECTORY_DISABLED;
        };
        if (changed.byAdministrator()) {
            log.record(
                    type,
                    changed.userId(),
                    changed.username(),
                    "Was " + lower(changed.from()) + ", now " + lower(changed.to()));
            return;
        }
        Duration lockedFor = changed.lockedFor();
        String details;
        if (changed.to() == UserStatus.DIRECTORY_DISABLED) {
            details = "Gone, disabled or no longer matching in the directory";
        } else if (changed.from() == UserStatus.DIRECTORY_DISABLED) {
            details = "Enabled again in the directory";
        } else if (lockedFor == null) {
            details = "The lock ran out";
        } else {
            details = "Locked for " + minutes(lockedFor) + " after " + changed.failures() + " failed sign-ins in a row";
        }
        log.recordBySystem(type, changed.userId(), changed.username(), details);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AccountActivity activity) {
        AuditEventType type = switch (activity.kind()) {
            case CREATED -> AuditEventType.ACCOUNT_CREATED;
            case EDITED -> AuditEventType.ACCOUNT_EDITED;
            case DEACTIVATED -> AuditEventType.ACCOUNT_DEACTIVATED;
            case IMPORTED -> AuditEventType.ACCOUNT_IMPORTED;
            case PASSWORD_CHANGED -> AuditEventType.PASSWORD_CHANGED;
            case PASSWORD_RESET -> AuditEventType.PASSWORD_RESET;
            case PASSWORD_LINK_USED -> AuditEventType.PASSWORD_LINK_USED;
            case FIRST_ADMIN_CREATED -> AuditEventType.FIRST_ADMIN_CREATED;
            case DIRECTORY_CREATED -> AuditEventType.DIRECTORY_ACCOUNT_CREATED;
            case SSO_CREATED -> AuditEventType.SSO_ACCOUNT_CREATED;
            case SETUP_TOKEN_USED -> AuditEventType.SETUP_TOKEN_USED;
            case RECOVERED_ON_HOST -> AuditEventType.ADMIN_RECOVERED;
        };
        if (activity.kind() == AccountActivity.Kind.RECOVERED_ON_HOST) {
            log.recordAs(HOST_COMMAND, type, activity.userId(), activity.username(), activity.details());
        } else {
            log.record(type, activity.userId(), activity.username(), activity.details());
        }
    }

    private static String describe(RoleChanged.Snapshot role) {
        return "role \"" + role.name() + "\" with "
                + (role.authorities().isEmpty()
                        ? "no authorities"
                        : String.join(", ", new TreeSet<>(role.authorities())))
                + "; at most " + role.maxActiveApiKeys() + " active API keys of at most "
                + role.maxApiKeyLifetimeDays() + " days";
    }

    private static String lower(UserStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() == 1 ? "1 minute" : duration.toMinutes() + " minutes";
    }
}
