package com.keyward.user;

import com.keyward.validation.Message;
import com.keyward.validation.Names;
import com.keyward.validation.SafeText;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The one set of rules for what an account's fields may hold, for every way an account is made. */
public final class AccountRules {

    public static final Message USERNAME_RULE = Message.of("account.username.rule");
    public static final int MAX_EMAIL_LENGTH = 254;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{1,63}");
    // one @, something on each side, a dot in the domain: mail servers judge the rest
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {}

    public static Optional<Message> usernameProblem(String username) {
        if (username.isEmpty()) {
            return Optional.of(Message.of("account.username.empty"));
        }
        return USERNAME.matcher(username).matches() ? Optional.empty() : Optional.of(USERNAME_RULE);
    }

    public static Optional<Message> emailProblem(String email) {
        if (email.isEmpty()) {
            return Optional.of(Message.of("account.email.empty"));
        }
        if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            return Optional.of(Message.of("account.email.invalid"));
        }
        return SafeText.nameProblem(email);
    }

    /** Every problem of a profile, by field; empty when there is none. */
    static Map<AccountField, Message> profileProblems(
            String displayName, String email, @Nullable Instant expires, Instant now) {
        Map<AccountField, Message> problems = new EnumMap<>(AccountField.class);
        Names.nameProblem(displayName, "person").ifPresent(problem -> problems.put(AccountField.NAME, problem));
        emailProblem(email).ifPresent(problem -> problems.put(AccountField.EMAIL, problem));
        if (expires != null && !expires.isAfter(now)) {
            problems.put(AccountField.EXPIRES, Message.of("account.expires.past"));
        }
        return problems;
    }
}
