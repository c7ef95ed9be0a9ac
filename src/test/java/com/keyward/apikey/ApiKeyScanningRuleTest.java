package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A sample file holding one real key among 10,000 random near-misses: what a scan reports
     * (the rule's candidates whose checksum holds, as Keyward's leak endpoint and the README's
     * verification step decide) is exactly the real key. Near-misses of the key's shape (a typo)
     * are candidates of the rule alone and are dropped by the checksum; every other kind of near
     * miss is not even a candidate.
     */
    @Test
    void aScanFindsTheOneKeyInASampleFileAndNoneOfTenThousandNearMisses(@TempDir Path folder) throws IOException {
        Pattern rule = rule();
        java.util.Random random = new java.util.Random(17);
        List<String> lines = new ArrayList<>();
        int shapeOnly = 0;
        for (int i = 0; i < 10_000; i++) {
            String key = ApiKeyFormat.generate();
            String body = key.substring(ApiKeyFormat.PREFIX.length());
            int at = random.nextInt(body.length());
            String nearMiss = switch (i % 8) {
                // one character changed: the shape holds, the checksum does not
                case 0 -> {
                    shapeOnly++;
                    char other = BASE62.charAt((BASE62.indexOf(body.charAt(at)) + 1 + random.nextInt(61)) % 62);
                    yield ApiKeyFormat.PREFIX + body.substring(0, at) + other + body.substring(at + 1);
                }
                case 1 -> key.substring(0, key.length() - 1 - random.nextInt(10)); // cut short
                case 2 -> key + BASE62.charAt(random.nextInt(62)); // one longer
                case 3 -> "kw-" + body; // another separator
                case 4 -> "KW_" + body; // the prefix in capitals
                case 5 -> "x" + key; // inside a longer word
                case 6 ->
                    ApiKeyFormat.PREFIX
                            + body.substring(0, at)
                            + "-_.+/".charAt(random.nextInt(5))
                            + body.substring(at + 1); // a character outside base62
                default ->
                    ApiKeyFormat.PREFIX
                            + random.ints(38, 0, 36) // the wrong alphabet length
                                    .mapToObj(c -> String.valueOf(BASE62.charAt(c)))
                                    .reduce("", String::concat)
                                    .substring(0, 37 - random.nextInt(5));
            };
            lines.add("token" + i + " = \"" + nearMiss + "\"");
        }
        String real = ApiKeyFormat.generate();
        lines.add(5_000, "KEYWARD_KEY=" + real);
        Path sample = Files.write(folder.resolve("sample.env"), lines);

        List<String> candidates = new ArrayList<>();
        for (String line : Files.readAllLines(sample)) {
            Matcher found = rule.matcher(line);
            while (found.find()) {
                candidates.add(found.group(1));
            }
        }
        assertThat(candidates)
                .as("candidates of the rule alone")
                .hasSize(shapeOnly + 1)
                .contains(real);
        assertThat(candidates.stream()
                        .filter(candidate -> ApiKeyFormat.parse(candidate).isPresent()))
                .as("reported after the checksum")
                .containsExactly(real);
    }

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The regular expression as gitleaks reads it (TOML literal string between ''' marks). */
    private static Pattern rule() throws IOException {
        Matcher regex = Pattern.compile("(?m)^regex = '''(.*)'''$").matcher(Files.readString(RULE));
        assertThat(regex.find()).as("a regex line in " + RULE).isTrue();
        return Pattern.compile(regex.group(1));
    }
}
