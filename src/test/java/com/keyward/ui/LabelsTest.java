package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.apikey.ApiKeyStatus;
import com.keyward.apikey.RollOverlap;
import com.keyward.audit.AuditEventType;
import com.keyward.role.AuthorityLevel;
import com.keyward.user.AccountSource;
import com.keyward.user.UserStatus;
import com.keyward.validation.Translations;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every enum value people see has its text: a new constant without one fails here, not on a page. */
class LabelsTest {

    @Test
    void everyShownEnumValueHasItsLabel() {
        List<Enum<?>> shown = Stream.of(
                        UserStatus.values(),
                        AccountSource.values(),
                        ApiKeyStatus.values(),
                        RollOverlap.values(),
                        AuditEventType.values(),
                        AuthorityLevel.values())
                .flatMap(Stream::of)
                .<Enum<?>>map(value -> (Enum<?>) value)
                .toList();
        for (var language : Translations.LANGUAGES) {
            assertThat(shown)
                    .allSatisfy(value -> assertThat(Translations.has(
                                    language, value.getDeclaringClass().getSimpleName() + "." + value.name()))
                            .as("%s in %s", value, language)
                            .isTrue());
        }
        assertThat(Labels.of(AuditEventType.API_KEY_GENERATED)).isEqualTo("API key generated");
        assertThat(Labels.of(UserStatus.LOCKED)).isEqualTo("Locked");
    }
}
