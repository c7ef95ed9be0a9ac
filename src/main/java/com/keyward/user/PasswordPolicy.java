package com.keyward.user;

import com.keyward.validation.Message;
import com.keyward.validation.Translations;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which passwords Keyward accepts, after NIST SP 800-63B §3.1.1.2: long enough, not too long to
 * hash, no composition rules — and refused when it is on the list of commonly used passwords (also
 * with digits or symbols tacked on at either end), built on the person's username, name or email,
 * repetitive or sequential, or too easy to guess all told: zxcvbn's score must reach
 * {@value #REQUIRED_SCORE} of 4. Every refusal says why, in the reader's language.
 */
@Component
public class PasswordPolicy {

    public static final int MAX_LENGTH = 128;
    /** zxcvbn's "safely unguessable" (about 10^8 guesses and more): an offline attack must work for it. */
    public static final int REQUIRED_SCORE = 3;

    private static final String COMMON = "/passwords/common-10000.txt";
    /** What a person tacks on to a common word to pass a rule: digits, symbols, spaces at either end. */
    private static final Pattern TACKED_ON = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern REPEATED_UNIT = Pattern.compile("(.+?)\\1+");
    /** zxcvbn's feedback as its message keys, never its English: Keyward words them itself. */
    private static final ResourceBundle KEYS = new ResourceBundle() {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    };

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

    /** Whose password it is: what they are known by is the first thing an attacker tries. */
    public record Owner(String username, String name, String email) {

        /** Only the username is known (the person is still choosing it, or nothing else is at hand). */
        public static Owner named(String username) {
            return new Owner(username, "", "");
        }

        List<String> words() {
            return Stream.concat(
                            Stream.of(username, name, email, email.replaceAll("@.*", ""), "keyward"),
                            Pattern.compile("\\s+").splitAsStream(name))
                    .filter(word -> !word.isBlank())
                    .toList();
        }
    }

    /** The rule as the person reads it next to the field. */
    public Message rule() {
        return Message.of("password.rule", minLength, MAX_LENGTH);
    }

    /** Why this password cannot be used by {@code owner}, or empty when it can. */
    public Optional<Message> problem(String password, Owner owner) {
        return assess(password, owner).problem();
    }

    /**
     * The verdict while typing and on save: zxcvbn's score (0–4), the refusal if there is one, and
     * otherwise the most useful piece of advice for a password that passes.
     */
    public Assessment assess(String password, Owner owner) {
        int length = password.codePointCount(0, password.length());
        if (length > MAX_LENGTH) {
            // zxcvbn's time grows quickly with length: never measure what cannot be used anyway
            return new Assessment(0, Optional.of(Message.of("names.toolong", MAX_LENGTH)), Optional.empty());
        }
        if (password.isEmpty()) {
            return new Assessment(0, lengthProblem(length), Optional.empty());
        }
        Strength measured = estimator.measure(password, owner.words());
        int score = measured.getScore();
        Optional<Message> problem = lengthProblem(length)
                .or(() -> personalProblem(password, owner))
                .or(() -> commonProblem(password))
                .or(() -> patternProblem(password, measured));
        if (problem.isEmpty() && score < REQUIRED_SCORE) {
            problem = Optional.of(warning(measured).orElse(Message.of("password.guessable")));
        }
        Optional<Message> advice = problem.isPresent() ? Optional.empty() : feedback(measured);
        // the meter never calls a password it refuses "good" or "strong"
        return new Assessment(problem.isPresent() ? Math.min(score, REQUIRED_SCORE - 1) : score, problem, advice);
    }

    /** zxcvbn's score (0–4), why the password is refused if it is, and advice for one that passes. */
    public record Assessment(int score, Optional<Message> problem, Optional<Message> advice) {

        /** The key of the score's name: password.strength.0 (very weak) to .4 (strong). */
        public String label() {
            return "password.strength." + Math.min(score, 4);
        }

        public boolean accepted() {
            return problem.isEmpty();
        }
    }

    private Optional<Message> lengthProblem(int length) {
        return length < minLength ? Optional.of(Message.of("password.tooshort", minLength)) : Optional.empty();
    }

    private static Optional<Message> personalProblem(String password, Owner owner) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (!owner.username().isBlank() && lower.contains(owner.username().toLowerCase(Locale.ROOT))) {
            return Optional.of(Message.of("password.username"));
        }
        // zxcvbn reads the spaces between "Erin Engineer keyward" as random characters: say it here
        String rest = lower;
        for (String word : owner.words()) {
            if (word.length() >= 3) {
                rest = rest.replace(word.toLowerCase(Locale.ROOT), "");
            }
        }
        boolean personal = !rest.equals(lower);
        rest = rest.replaceAll("[^\\p{L}]", "");
        return personal && rest.codePointCount(0, rest.length()) < 4
                ? Optional.of(Message.of("password.personal"))
                : Optional.empty();
    }

    /**
     * The list holds 10,000 passwords, but only a few dozen reach the minimum length: people make a
     * listed one long enough with digits and symbols ({@code password1234}, {@code Summer2024!!}),
     * so the word at the core counts as well as the whole.
     */
    private Optional<Message> commonProblem(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String core = TACKED_ON.matcher(lower).replaceAll("");
        return common.contains(lower) || (!core.isEmpty() && common.contains(core))
                ? Optional.of(Message.of("password.common"))
                : Optional.empty();
    }

    /** Half the password or more one character, a repeated chunk, or a run like abcd / 9876. */
    private static Optional<Message> patternProblem(String password, Strength measured) {
        // "sunflower sunflower": zxcvbn sees two words and a space, a person sees one word twice
        if (REPEATED_UNIT
                .matcher(SEPARATORS.matcher(password.toLowerCase(Locale.ROOT)).replaceAll(""))
                .matches()) {
            return Optional.of(Message.of("password.repetitive"));
        }
        int repeated = 0;
        int sequential = 0;
        for (Match match : measured.getSequence()) {
            int chars = match.token.toString().codePointCount(0, match.token.length());
            if (match.pattern == com.nulabinc.zxcvbn.Pattern.Repeat
                    || (match.pattern == com.nulabinc.zxcvbn.Pattern.Sequence && sameCharacter(match))) {
                repeated += chars;
            } else if (match.pattern == com.nulabinc.zxcvbn.Pattern.Sequence) {
                sequential += chars;
            }
        }
        int half = (password.codePointCount(0, password.length()) + 1) / 2;
        if (repeated >= half) {
            return Optional.of(Message.of("password.repetitive"));
        }
        return sequential >= half ? Optional.of(Message.of("password.sequential")) : Optional.empty();
    }

    private static boolean sameCharacter(Match match) {
        return match.token.codePoints().distinct().count() == 1;
    }

    /** Why zxcvbn finds the password easy to guess, as Keyward's own translated message. */
    private static Optional<Message> warning(Strength measured) {
        return worded(Stream.ofNullable(
                measured.getFeedback().withResourceBundle(KEYS).getWarning(Locale.ROOT)));
    }

    /** zxcvbn's warning, else its first suggestion, as Keyward's own translated message. */
    private static Optional<Message> feedback(Strength measured) {
        var keys = measured.getFeedback().withResourceBundle(KEYS);
        return worded(Stream.concat(
                Stream.ofNullable(keys.getWarning(Locale.ROOT)), keys.getSuggestions(Locale.ROOT).stream()));
    }

    private static Optional<Message> worded(Stream<String> zxcvbnKeys) {
        return zxcvbnKeys
                .filter(key -> !key.isBlank())
                .findFirst()
                .map(key -> Translations.has(Locale.ENGLISH, feedbackKey(key))
                        ? Message.of(feedbackKey(key))
                        // a key of a newer zxcvbn that Keyward does not word yet: its general advice
                        : Message.of("password.guessable"));
    }

    /** The translation key of one of zxcvbn's feedback keys ({@code feedback.repeat.warning.likeAAA}). */
    static String feedbackKey(String zxcvbnKey) {
        return "password." + zxcvbnKey;
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
