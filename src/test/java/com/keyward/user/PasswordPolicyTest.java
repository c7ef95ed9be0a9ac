package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.validation.Message;
import com.keyward.validation.Translations;
import com.nulabinc.zxcvbn.Feedback;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NIST SP 800-63B: length, a common-password list that bites at the minimum length, nothing
 * repetitive, sequential or easy to guess (zxcvbn score 3 of 4 required), nothing built on the
 * person; no composition rules. Every refusal says why, in English and German.
 */
class PasswordPolicyTest {

    private static final PasswordPolicy.Owner ERIN =
            new PasswordPolicy.Owner("erin", "Erin Engineer", "erin.engineer@example.com");

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the three the review typed in, accepted before
                "aaaaaaaaaaaa                 | Repeated characters or chunks (like aaaa or abcabc) are easy to guess.",
                "password1234                 | This is one of the most commonly used passwords. Choose another one.",
                "123456789012                 | This is too close to a commonly used password.",
                // a listed password made long enough with what people tack on
                "Summer2024!!                 | This is one of the most commonly used passwords. Choose another one.",
                "!!dragon!!2024               | This is one of the most commonly used passwords. Choose another one.",
                "abcabcabcabcabc              | Repeated characters or chunks (like aaaa or abcabc) are easy to guess.",
                "abcdefghijklmnop             | Runs like abcd or 6543 are easy to guess.",
                "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑         | Repeated characters or chunks (like aaaa or abcabc) are easy to guess.",
                // guessable all told: zxcvbn's reason, worded by Keyward
                "qwertyuiopasdf               | This is too close to a commonly used password.",
                "iloveyou1234                 | This is one of the most commonly used passwords. Choose another one.",
                "sunflower sunflower          | Repeated characters or chunks (like aaaa or abcabc) are easy to guess.",
                "thomasanderson               | Common names and surnames are easy to guess.",
                "basketballs12                | This password would be easy to guess. Add another word or two; uncommon words are better.",
                "Engineer Keyward 2026!       | Your name, username or email make a password easy to guess. Add words of your own.",
            })
    void aGuessablePasswordOfTheMinimumLengthIsRefusedAndTheRefusalSaysWhy(String password, String why) {
        Optional<Message> problem = policy.problem(password, ERIN);

        assertThat(problem).as(password).isPresent();
        assertThat(problem.orElseThrow().toString()).startsWith(why);
        assertThat(problem.orElseThrow().in(Locale.GERMAN))
                .as("German, never zxcvbn's English")
                .isEqualTo(
                        Translations.text(Locale.GERMAN, problem.orElseThrow().key()))
                .doesNotStartWith("!");
        assertThat(policy.assess(password, ERIN).score()).isLessThan(PasswordPolicy.REQUIRED_SCORE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "correct horse battery staple 42",
                "purple elephants dance quietly",
                "correcthorsebatterystaple",
                "x7#kQ9!vLm2p",
                "zwölf Zeichen",
                "Tr0ub4dor&3 Kaffee",
                "🔑 ключ 鍵 clé Schlüssel",
                "a long admin passphrase 2026",
                "my first passphrase, spring 2026",
                "changed on day two, autumn 2026",
                "Bergwanderung im Nebel"
            })
    void strongPasswordsAreAcceptedWhateverTheirCharacters(String password) {
        PasswordPolicy.Assessment assessment = policy.assess(password, ERIN);

        assertThat(assessment.problem()).as(password).isEmpty();
        assertThat(assessment.score()).isGreaterThanOrEqualTo(PasswordPolicy.REQUIRED_SCORE);
    }

    @Test
    void lengthCountsCharactersNotBytesAndHasBothBounds() {
        assertThat(policy.problem("elevenchars", ERIN).map(Object::toString)).contains("Use at least 12 characters.");
        assertThat(policy.problem("zwölf Zeichen", ERIN)).isEmpty();
        assertThat(policy.problem("x".repeat(129), ERIN).map(Object::toString)).contains("Use at most 128 characters.");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.problem("1qaz2wsx3edc", ERIN).map(Object::toString))
                .contains("This is one of the most commonly used passwords. Choose another one.");
        assertThat(policy.problem("1QAZ2WSX3EDC", ERIN)).isPresent();
        assertThat(policy.problem("q1w2e3r4t5y6", ERIN)).isPresent();
    }

    @Test
    void aPasswordBuiltOnThePersonIsRefusedAndNoCompositionRuleApplies() {
        assertThat(policy.problem("hello ERIN how are you", ERIN).map(Object::toString))
                .contains("The password must not contain your username.");
        // name and email count as words an attacker tries first
        assertThat(policy.problem(
                        "Engineer erin.engineer",
                        new PasswordPolicy.Owner("e.e", "Erin Engineer", "erin.engineer@example.com")))
                .isPresent();
        // only lower-case letters and spaces: long and uncommon is enough
        assertThat(policy.problem("purple elephants dance quietly", ERIN)).isEmpty();
    }

    @Test
    void theMeterShowsTheRefusalWhileTypingAndAdviceOnceAccepted() {
        PasswordPolicy.Assessment weak = policy.assess("password1234", ERIN);
        assertThat(weak.accepted()).isFalse();
        assertThat(weak.label()).isIn("password.strength.0", "password.strength.1", "password.strength.2");
        assertThat(weak.problem().orElseThrow().in(Locale.GERMAN))
                .isEqualTo("Dies ist eines der am häufigsten benutzten Passwörter. Wählen Sie ein anderes.");

        PasswordPolicy.Assessment strong = policy.assess("purple elephants dance quietly", ERIN);
        assertThat(strong.accepted()).isTrue();
        assertThat(strong.label()).isEqualTo("password.strength.4");
        assertThat(policy.rule().toString()).contains("At least 12 characters");
        assertThat(policy.rule().in(Locale.GERMAN)).contains("Mindestens 12 Zeichen");
    }

    @Test
    void everyReasonZxcvbnCanGiveHasKeywardsOwnWordsInEnglishAndGerman() throws IllegalAccessException {
        for (Field constant : Arrays.stream(Feedback.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .toList()) {
            String key = PasswordPolicy.feedbackKey((String) constant.get(null));
            assertThat(Translations.has(Locale.ENGLISH, key)).as(key).isTrue();
            assertThat(Translations.has(Locale.GERMAN, key)).as(key).isTrue();
        }
    }
}
