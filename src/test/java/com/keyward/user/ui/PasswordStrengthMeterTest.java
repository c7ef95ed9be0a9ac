package com.keyward.user.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.ui.SignedInBrowserlessTest;
import com.keyward.user.Passwords;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The meter under a new password says why the policy would refuse it, in the reader's language. */
@KeywardTest
class PasswordStrengthMeterTest extends SignedInBrowserlessTest {

    @Autowired
    Passwords passwords;

    @Test
    void aGermanReaderIsToldWhyInGermanWhileTypingNeverInZxcvbnsEnglish() {
        signInAs("dana");
        UI.getCurrent().setLocale(Locale.GERMAN);
        ChangePasswordDialog dialog = new ChangePasswordDialog(passwords, "dana");
        dialog.open();
        roundTrip();

        test(dialog.replacement).setValue("thomasanderson");
        Span label =
                $(Span.class, dialog).withClassName("password-strength-label").single();
        assertThat(label.getText()).isEqualTo("Stärke: Schwach. Häufige Vor- und Nachnamen sind leicht zu erraten.");

        test(dialog.replacement).setValue("password1234");
        assertThat(label.getText())
                .endsWith("Dies ist eines der am häufigsten benutzten Passwörter. Wählen Sie ein anderes.");

        test(dialog.replacement).setValue("purple elephants dance quietly");
        assertThat(label.getText()).isEqualTo("Stärke: Stark");
        assertThat($(PasswordStrengthMeter.class, dialog).single().getElement().getAttribute("data-accepted"))
                .isEqualTo("true");
    }
}
