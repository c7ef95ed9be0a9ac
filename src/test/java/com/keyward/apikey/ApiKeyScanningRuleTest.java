package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The secret-scanning rule we hand to gitleaks (and document for trufflehog) finds every key
 * Keyward makes, wherever it sits in a line, and nothing that merely looks like one.
 */
class ApiKeyScanningRuleTest {

    private static final Path RULE = Path.of("deploy/secret-scanning/gitleaks.toml");

    @Test
    void theRuleFindsGeneratedKeysInTheirUsualSurroundings() throws IOException {
        Pattern rule = rule();
        for (int i = 0; i < 1000; i++) {
            String key = ApiKeyFormat.generate();
            for (String line : new String[] {
                key,
                "X-Api-Key: " + key,
                "export KEYWARD_KEY=" + key,
                "api_key = \"" + key + "\"",
                "curl -H 'Authorization: Bearer " + key + "' https://keyward.example/api/v1/account",
                "{\"token\":\"" + key + "\"}"
            }) {
                Matcher found = rule.matcher(line);
                assertThat(found.find()).as(line).isTrue();
                assertThat(found.group(1)).isEqualTo(key);
            }
        }
    }

    @Test
    void nearMissesAreNotReported() throws IOException {
        Pattern rule = rule();
        String key = ApiKeyFormat.generate();
        String body = key.substring(ApiKeyFormat.PREFIX.length());
        for (String nearMiss : new String[] {
            key.substring(0, key.length() - 1), // one character short
            key + "x", // one too many: part of something longer
            "kx_" + body, // another prefix
            "KW_" + body, // the prefix is lower case
            "okw_" + body, // inside a longer word
            "kw_" + body.substring(0, 10) + "-" + body.substring(11), // a character outside base62
            "kw_" + body.substring(0, 20) // a truncated paste
        }) {
            assertThat(rule.matcher(nearMiss).find()).as(nearMiss).isFalse();
        }
    }

    /** The regular expression as gitleaks reads it (TOML literal string between ''' marks). */
    private static Pattern rule() throws IOException {
        Matcher regex = Pattern.compile("(?m)^regex = '''(.*)'''$").matcher(Files.readString(RULE));
        assertThat(regex.find()).as("a regex line in " + RULE).isTrue();
        return Pattern.compile(regex.group(1));
    }
}
