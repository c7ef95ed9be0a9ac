package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import jakarta.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues and redeems one-time set-password links: 256 random bits, kept as a SHA-256 digest only,
 * single use, expiring. Issuing one makes every earlier link of the account void.
 */
@Component
class PasswordLinks {

    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final PasswordLinkRepository links;
    private final Clock clock;
    private final Duration validFor;
    private final BytesKeyGenerator random = KeyGenerators.secureRandom(32);

    PasswordLinks(
            PasswordLinkRepository links,
            Clock clock,
            @Value("${keyward.password.link-validity:PT72H}") Duration validFor) {
        this.links = links;
        this.clock = clock;
        this.validFor = validFor;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    SetPasswordLink issue(long userId, String username, String email, @Nullable Long issuedBy) {
        links.deleteForUser(userId);
        String token = URL_SAFE.encodeToString(random.generateKey());
        Instant now = clock.instant();
        Instant expires = now.plus(validFor);
        links.insert(userId, digest(token), now, expires, issuedBy);
        return new SetPasswordLink(username, email, token, expires);
    }

    /** The account this link lets set a password, while the link is valid. */
    Optional<Long> holder(String token, boolean forUpdate) {
        if (token.length() != 43) {
            return Optional.empty();
        }
        return links.findUserId(digest(token), clock.instant(), forUpdate);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void voidAll(long userId) {
        links.deleteForUser(userId);
    }

    /** Expired links are of no use to anyone; an hourly sweep keeps the table small. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    @SchedulerLock(name = "password-link-sweep", lockAtMostFor = "PT10M")
    @RetriedOnConflict
    @Transactional
    public void sweep() {
        links.deleteExpired(clock.instant());
    }

    /** SHA-256 of a token: what is kept of a link's token, and of the set-up token. */
    static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
