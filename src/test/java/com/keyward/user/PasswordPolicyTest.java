package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** NIST SP 800-63B: length, the common-password list, the username; no composition rules. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void lengthCountsCharactersNotBytesAndHasBothBounds() {
        assertThat(policy.problem("elevenchars", "erin").map(Object::toString)).contains("Use at least 12 characters.");
        assertThat(policy.problem("zwölf Zeichen", "erin")).isEmpty();
        assertThat(policy.problem("🔑".repeat(12), "erin")).isEmpty();
        assertThat(policy.problem("x".repeat(129), "erin").map(Object::toString))
                .contains("Use at most 128 characters.");
    }

    @Test
    void theTenThousandMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.problem("1qaz2wsx3edc", "erin").map(Object::toString))
                .contains("This is one of the most commonly used passwords. Choose another one.");
        assertThat(policy.problem("1QAZ2WSX3EDC", "erin")).isPresent();
        assertThat(policy.problem("q1w2e3r4t5y6", "erin")).isPresent();
    }

    @Test
    void aPasswordContainingTheUsernameIsRefusedAndNoCompositionRuleApplies() {
        assertThat(policy.problem("hello ERIN how are you", "erin").map(Object::toString))
                .contains("The password must not contain your username.");
        // only lower-case letters and spaces: long and uncommon is enough
        assertThat(policy.problem("purple elephants dance quietly", "erin")).isEmpty();
    }

    @Test
    void theStrengthEstimateTellsWeakFromStrong() {
        assertThat(policy.strength("1qaz2wsx3edc", "erin", Locale.ENGLISH).score())
                .isLessThanOrEqualTo(1);
        assertThat(policy.strength("purple elephants dance quietly", "erin", Locale.ENGLISH)
                        .score())
                .isEqualTo(4);
        assertThat(policy.strength("purple elephants dance quietly", "erin", Locale.ENGLISH)
                        .label())
                .isEqualTo("password.strength.4");
        assertThat(policy.rule().toString()).contains("At least 12 characters");
        assertThat(policy.rule().in(Locale.GERMAN)).contains("Mindestens 12 Zeichen");
    }
}
