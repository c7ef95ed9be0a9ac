package com.keyward.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTest {

    @Test
    void caseAndCompatibilityFormsAreOneHandle() {
        assertThat(Usernames.key("DANA")).isEqualTo("dana");
        assertThat(Usernames.key("ｄａｎａ")).isEqualTo("dana");
        assertThat(Usernames.key(" Dana ")).isEqualTo("dana");
        assertThat(Usernames.key("STRAẞE")).isEqualTo(Usernames.key("strasse"));
        assertThat(Usernames.key("da\u200Dna")).isEqualTo("dana");
    }

    @Test
    void accentsMakeAnotherHandle() {
        assertThat(Usernames.key("álice")).isNotEqualTo(Usernames.key("alice"));
        assertThat(Usernames.key("ádá")).isNotEqualTo(Usernames.key("ada"));
        assertThat(Usernames.key("a\u0301da")).isEqualTo(Usernames.key("áda")).isNotEqualTo("ada");
        assertThat(Usernames.key("ÁDA")).isEqualTo(Usernames.key("áda"));
    }
}
