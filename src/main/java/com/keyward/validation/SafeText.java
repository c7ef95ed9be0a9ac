package com.keyward.validation;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for names and descriptions people type: no invisible characters that change what
 * a reader sees (control characters such as NUL, text-direction overrides such as U+202E, other
 * format or unassigned code points), and no name that looks like another one ("Аdmin" with a
 * Cyrillic А beside "Admin"), decided by ICU's confusables data rather than a table of ours.
 */
public final class SafeText {

    private static final SpoofChecker CONFUSABLES =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    private SafeText() {}

    /** Why this name cannot be used, or empty when it can. */
    public static Optional<Message> nameProblem(String name) {
        return firstHidden(name, false);
    }

    /** Like {@link #nameProblem}, but line breaks and tabs are fine in a description. */
    public static Optional<Message> descriptionProblem(String description) {
        return firstHidden(description, true);
    }

    /** Whether the two would be taken for one another (letter case aside). */
    public static boolean confusable(String a, String b) {
        String first = UCharacter.foldCase(a, true);
        String second = UCharacter.foldCase(b, true);
        return first.equals(second) || CONFUSABLES.areConfusable(first, second) != 0;
    }

    private static Optional<Message> firstHidden(String text, boolean lineBreaksAllowed) {
        return text.codePoints()
                .filter(c -> !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')))
                .filter(SafeText::hidden)
                .mapToObj(c -> Message.of(kind(c), String.format(Locale.ROOT, "U+%04X", c)))
                .findFirst();
    }

    private static boolean hidden(int c) {
        int type = UCharacter.getType(c);
        return type == UCharacter.CONTROL
                || type == UCharacter.FORMAT
                || type == UCharacter.UNASSIGNED
                || type == UCharacter.PRIVATE_USE
                || type == UCharacter.SURROGATE
                || type == UCharacter.LINE_SEPARATOR
                || type == UCharacter.PARAGRAPH_SEPARATOR;
    }

    private static String kind(int c) {
        return UCharacter.getType(c) == UCharacter.FORMAT
                        && UCharacter.hasBinaryProperty(c, com.ibm.icu.lang.UProperty.BIDI_CONTROL)
                ? "names.hidden.direction"
                : "names.hidden.control";
    }
}
