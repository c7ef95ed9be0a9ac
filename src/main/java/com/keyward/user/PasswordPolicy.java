package com.keyward.user;

import com.keyward.validation.Message;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which passwords Keyward accepts, after NIST SP 800-63B: long enough, not too long to hash, not
 * one of the 10,000 most common passwords, not built on the username; no composition rules. A
 * strength estimate (zxcvbn) helps while typing but never refuses anything.
 */
@Component
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;
    private static final String COMMON = "/passwords/common-10000.txt";

    private final int minLength;
    private final Set<String> common;
    private final Zxcvbn estimator = new Zxcvbn();

    PasswordPolicy(@Value("${keyward.password.min-length:12}") int minLength) {
        if (minLength < 8 || minLength > MAX_LENGTH) {
            throw new IllegalArgumentException("keyward.password.min-length must lie between 8 and " + MAX_LENGTH);
        }
        this.minLength = minLength;
        this.common = load();
    }

    /** The rule as the person reads it next to the field. */
    public Message rule() {
        return Message.of("password.rule", minLength, MAX_LENGTH);
    }

    /** Why this password cannot be used by {@code username}, or empty when it can. */
    public Optional<Message> problem(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of(Message.of("password.tooshort", minLength));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Message.of("names.toolong", MAX_LENGTH));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of(Message.of("password.common"));
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Message.of("password.username"));
        }
        return Optional.empty();
    }

    /** How hard the password would be to guess: 0 (very weak) to 4 (strong), with advice. */
    public Strength strength(String password, String username, Locale language) {
        if (password.isEmpty() || password.length() > MAX_LENGTH) {
            return new Strength(0, "");
        }
        var measured = estimator.measure(password, List.of(username, "keyward"));
        String advice = Objects.requireNonNullElse(measured.getFeedback().getWarning(language), "");
        if (advice.isEmpty() && !measured.getFeedback().getSuggestions(language).isEmpty()) {
            advice = measured.getFeedback().getSuggestions(language).getFirst();
        }
        return new Strength(measured.getScore(), advice);
    }

    /** zxcvbn's score (0–4) and its most useful piece of advice, if any. */
    public record Strength(int score, String advice) {

        /** The key of the score's name: password.strength.0 (very weak) to .4 (strong). */
        public String label() {
            return "password.strength." + Math.min(score, 4);
        }
    }

    private static Set<String> load() {
        try (InputStream in = Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream(COMMON), COMMON);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> passwords = new HashSet<>(16_384);
            lines.lines()
                    .filter(line -> !line.startsWith("#") && !line.isEmpty())
                    .forEach(line -> passwords.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
