package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.ui.Text;
import com.keyward.user.PasswordPolicy;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Supplier;

/**
 * Under a new-password field: the rule, and how hard the typed password would be to guess
 * (zxcvbn, computed on the server; nothing is refused here, the policy decides on save).
 */
class PasswordStrengthMeter extends Div {

    static final String CLASS = "password-strength";

    private final ProgressBar bar = new ProgressBar(0, 4, 0);
    private final Span label = new Span();

    PasswordStrengthMeter(PasswordField field, PasswordPolicy policy, Supplier<String> username) {
        addClassName(CLASS);
        field.setHelperText(t(policy.rule()));
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(250);
        field.setMaxLength(PasswordPolicy.MAX_LENGTH);
        bar.getElement().setAttribute("aria-hidden", "true");
        label.addClassName("password-strength-label");
        label.getElement().setAttribute("aria-live", "polite");
        add(bar, label);
        setVisible(false);
        field.addValueChangeListener(changed -> {
            String password = changed.getValue();
            setVisible(!password.isEmpty());
            PasswordPolicy.Strength strength = policy.strength(password, username.get(), Text.locale());
            bar.setValue(strength.score());
            getElement().setAttribute("data-score", String.valueOf(strength.score()));
            label.setText(
                    strength.advice().isEmpty()
                            ? t("password.strength", t(strength.label()))
                            : t("password.strength.advice", t(strength.label()), strength.advice()));
        });
    }
}
