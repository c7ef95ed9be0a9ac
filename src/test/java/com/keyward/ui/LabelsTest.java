package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.apikey.ApiKeyStatus;
import com.keyward.audit.AuditEventType;
import com.keyward.role.AuthorityLevel;
import com.keyward.user.UserStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every enum value people see has its text: a new constant without one fails here, not on a page. */
class LabelsTest {

    @Test
    void everyShownEnumValueHasItsLabel() {
        List<Enum<?>> shown = Stream.of(
                        UserStatus.values(), ApiKeyStatus.values(), AuditEventType.values(), AuthorityLevel.values())
                .flatMap(Stream::of)
                .<Enum<?>>map(value -> (Enum<?>) value)
                .toList();
        assertThat(shown).allSatisfy(value -> assertThat(Labels.of(value)).isNotBlank());
        assertThat(Labels.of(AuditEventType.API_KEY_GENERATED)).isEqualTo("API key generated");
        assertThat(Labels.of(UserStatus.LOCKED)).isEqualTo("Locked");
    }
}
