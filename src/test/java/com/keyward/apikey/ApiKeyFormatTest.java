package com.keyward.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void aGeneratedKeyHasThePrefixBase62BodyAndAValidChecksum() {
        String key = ApiKeyFormat.generate();
        assertThat(key).hasSize(41).startsWith("kw_").matches("kw_[0-9A-Za-z]{38}");
        assertThat(ApiKeyFormat.parse(key)).contains(key);
    }

    @Test
    void keysDoNotRepeat() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            keys.add(ApiKeyFormat.generate());
        }
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void aTypoAnywhereIsRejectedByTheChecksum() {
        String key = ApiKeyFormat.generate();
        for (int i = 3; i < key.length(); i++) {
            char replacement = key.charAt(i) == 'a' ? 'b' : 'a';
            String typo = key.substring(0, i) + replacement + key.substring(i + 1);
            assertThat(ApiKeyFormat.parse(typo)).as("typo at %d", i).isEmpty();
        }
    }

    @Test
    void malformedInputIsRejected() {
        String key = ApiKeyFormat.generate();
        assertThat(ApiKeyFormat.parse(null)).isEmpty();
        assertThat(ApiKeyFormat.parse("")).isEmpty();
        assertThat(ApiKeyFormat.parse("gh_" + key.substring(3))).isEmpty();
        assertThat(ApiKeyFormat.parse(key + "x")).isEmpty();
        assertThat(ApiKeyFormat.parse(key.substring(0, 40) + "-")).isEmpty();
        assertThat(ApiKeyFormat.parse(" " + key.substring(1))).isEmpty();
    }

    @Test
    void theHintRevealsTooLittleToUseAndTheDigestIsSha256() {
        String key = ApiKeyFormat.generate();
        String hint = ApiKeyFormat.hint(key);
        assertThat(hint)
                .startsWith(key.substring(0, 7))
                .endsWith(key.substring(37))
                .hasSize(12);
        assertThat(ApiKeyFormat.digest(key)).hasSize(32);
        assertThat(ApiKeyFormat.digest(key)).isNotEqualTo(ApiKeyFormat.digest(ApiKeyFormat.generate()));
    }
}
