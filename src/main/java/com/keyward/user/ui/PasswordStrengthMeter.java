package com.keyward.user.ui;

import static com.keyward.ui.Text.t;

import com.keyward.user.PasswordPolicy;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.function.Supplier;

/**
 * Under a new-password field: the rule, how hard the typed password would be to guess (zxcvbn,
 * computed on the server) and, while the policy would refuse it, why — the same verdict the save
 * gives, so that nobody learns the rule by being refused.
 */
class PasswordStrengthMeter extends Div {

    static final String CLASS = "password-strength";

    private final ProgressBar bar = new ProgressBar(0, 4, 0);
    private final Span label = new Span();

    PasswordStrengthMeter(PasswordField field, PasswordPolicy policy, Supplier<PasswordPolicy.Owner> owner) {
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
            PasswordPolicy.Assessment assessment = policy.assess(password, owner.get());
            bar.setValue(assessment.score());
            getElement().setAttribute("data-score", String.valueOf(assessment.score()));
            getElement().setAttribute("data-accepted", String.valueOf(assessment.accepted()));
            label.setText(assessment
                    .problem()
                    .or(assessment::advice)
                    .map(why -> t("password.strength.advice", t(assessment.label()), t(why)))
                    .orElseGet(() -> t("password.strength", t(assessment.label()))));
        });
    }
}
