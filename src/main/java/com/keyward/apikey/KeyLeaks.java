package com.keyward.apikey;

import com.keyward.db.RetriedTransactions;
import com.keyward.user.Contacts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Leak reports from secret scanners (the shape of GitHub's secret-scanning partner program): an
 * active Keyward key that was found is revoked within the request, where it was found is kept,
 * its owner is told (bell, and mail when configured) and the audit log says so. A malformed or
 * unknown token costs no database write; no answer names an owner.
 */
@Service
public class KeyLeaks {

    /** Where scanners post: public, outside any API set. */
    public static final String PATH = "/api/v1/leaks";

    /** A report's fields longer than these are cut (they are the reporter's, not ours). */
    static final int MAX_URL = 1000;

    static final int MAX_NAME = 100;

    private static final Pattern KEY_LIKE = Pattern.compile(ApiKeyFormat.PREFIX + "[0-9A-Za-z]{20,}");

    private final ApiKeyRepository keys;
    private final KeyReminderRepository reminders;
    private final KeyReminderMail mail;
    private final Contacts contacts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RetriedTransactions transaction;

    KeyLeaks(
            ApiKeyRepository keys,
            KeyReminderRepository reminders,
            KeyReminderMail mail,
            Contacts contacts,
            Clock clock,
            ApplicationEventPublisher events,
            RetriedTransactions transaction) {
        this.keys = keys;
        this.reminders = reminders;
        this.mail = mail;
        this.contacts = contacts;
        this.clock = clock;
        this.events = events;
        this.transaction = transaction;
    }

    /** One reported token: what it is and where it was found. */
    public record Report(
            @Nullable String token,
            @Nullable String type,
            @Nullable String url,
            @Nullable String source) {}

    /** The answer per token: its SHA-256 (hex) and whether it is a real Keyward key. */
    public record Verdict(String tokenHash, @Nullable String tokenType, boolean truePositive) {}

    public List<Verdict> report(List<Report> reports) {
        List<Verdict> verdicts = new ArrayList<>(reports.size());
        for (Report report : reports) {
            String token = report.token() == null ? "" : report.token().strip();
            byte[] digest = ApiKeyFormat.digest(token);
            String hash = HexFormat.of().formatHex(digest);
            boolean real = ApiKeyFormat.parse(token).isPresent() && handle(digest, report);
            verdicts.add(new Verdict(hash, report.type(), real));
        }
        return verdicts;
    }

    /** Whether the key exists; an active one is revoked, recorded and its owner alerted, in one transaction. */
    private boolean handle(byte[] digest, Report report) {
        Optional<ApiKeyCredential> found = keys.findCredential(digest);
        if (found.isEmpty()) {
            return false;
        }
        ApiKeyCredential key = found.get();
        Instant now = clock.instant();
        if (key.revokedAt() != null || !key.expiresAt().isAfter(now)) {
            return true;
        }
        transaction.executeWithoutResult(status -> {
            if (!keys.revoke(key.keyId(), null, now)) {
                return; // revoked meanwhile: whoever did it has told the owner
            }
            String url = cleaned(report.url(), MAX_URL);
            String source = cleaned(report.source(), MAX_NAME);
            keys.recordLeak(key.keyId(), now, cleaned(report.type(), MAX_NAME), url, source);
            reminders.add(key.ownerId(), key.keyId(), KeyReminder.Kind.LEAKED, now);
            ApiKeyInfo info = keys.findById(key.keyId()).orElseThrow();
            events.publishEvent(new ApiKeyLeaked(
                    key.keyId(), key.ownerId(), key.ownerUsername(), info.name(), key.hint(), url, source));
        });
        return true;
    }

    /** After commit: the owner hears of it by mail at once (the bell has it already). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void mailOwner(ApiKeyLeaked leaked) {
        mailOwner(leaked, mail);
    }

    void mailOwner(ApiKeyLeaked leaked, KeyReminderMail with) {
        if (with.enabled()) {
            contacts.of(leaked.ownerId()).ifPresent(contact -> with.sendLeaked(contact, leaked));
        }
    }

    /**
     * The reporter's text, shortened, without control characters, without invisible format
     * characters (U+202E and the other bidi controls, zero-width ones: Unicode category Cf, which
     * would make the audit log show another URL than the one reported) and without anything key-like.
     */
    static @Nullable String cleaned(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        String visible =
                text.replaceAll("\\p{Cf}", "").replaceAll("\\p{Cntrl}", " ").strip();
        if (visible.isEmpty()) {
            return null;
        }
        String kept = KEY_LIKE.matcher(visible).replaceAll(ApiKeyFormat.PREFIX + "…");
        return kept.length() > max ? kept.substring(0, max) : kept;
    }
}
