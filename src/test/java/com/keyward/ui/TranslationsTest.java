package com.keyward.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.validation.Message;
import com.keyward.validation.Translations;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * English and German say the same things: the same keys, the same arguments, patterns that
 * format; and every key the code names exists. A string added in one language only fails here.
 */
class TranslationsTest {

    /** t("key"…), Message.of("key"…), the key-taking refusals, and @Menu titles. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "(?:\\bt|\\btr|getTranslation|Translations\\.text\\(\\s*\\w+,|Message\\.of|ValidationException\\.of\\(\\w+\\.\\w+,|"
                    + "new (?:Refused|Conflict|NotFoundException|NoSuchItemException)|title =|super)\\(?\\s*\"([a-zA-Z][\\w-]*\\.[\\w.-]+)\"");

    /**
     * Any first string literal handed to a call that takes a key, key-shaped or not: English text
     * passed where a key belongs ({@code new NotFoundException("There is no user named " + name)})
     * would reach a person as {@code !There is no user named x.!}.
     */
    private static final Pattern LITERAL_WHERE_A_KEY_BELONGS = Pattern.compile(
            "(?:\\bt|\\btr|getTranslation|Translations\\.text\\(\\s*\\w+,|Message\\.of|ValidationException\\.of\\(\\w+\\.\\w+,|"
                    + "new (?:Refused|Conflict|NotFoundException|NoSuchItemException))\\(?\\s*\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*\\+)?");

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

    @Test
    void germanHasExactlyTheKeysOfEnglish() throws IOException {
        assertThat(load("translations_de").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("translations").stringPropertyNames());
    }

    @Test
    void bothLanguagesTakeTheSameArgumentsAndTheirPatternsFormat() throws IOException {
        Properties english = load("translations");
        Properties german = load("translations_de");
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            String de = german.getProperty(key, "");
            assertThat(arguments(de)).as("arguments of %s", key).isEqualTo(arguments(en));
            if (!arguments(en).isEmpty()) {
                Object[] samples = arguments(en).stream().map(i -> (Object) 3).toArray();
                assertThat(new MessageFormat(en, Locale.ENGLISH).format(samples))
                        .as(key)
                        .doesNotContain("{");
                assertThat(new MessageFormat(de, Locale.GERMAN).format(samples))
                        .as(key)
                        .doesNotContain("{");
                // MessageFormat swallows a single apostrophe: only '' may appear in a pattern
                assertThat(en.replace("''", "")).as("apostrophe in %s", key).doesNotContain("'");
                assertThat(de.replace("''", "")).as("apostrophe in %s", key).doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher keys = KEY_IN_CODE.matcher(Files.readString(source));
                while (keys.find()) {
                    // "login.failure." + reason is a family of keys, checked where they are listed
                    if (!keys.group(1).endsWith(".")) {
                        named.add(keys.group(1));
                    }
                }
            }
        }
        assertThat(named).hasSizeGreaterThan(300);
        Set<String> known = load("translations").stringPropertyNames();
        assertThat(named).allSatisfy(key -> assertThat(known).as("known keys").contains(key));
    }

    @Test
    void noTextIsHandedOverWhereAKeyBelongs() throws IOException {
        Set<String> known = load("translations").stringPropertyNames();
        Set<String> notKeys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literals = LITERAL_WHERE_A_KEY_BELONGS.matcher(Files.readString(source));
                while (literals.find()) {
                    String literal = literals.group(1);
                    // "login.failure." + reason: a family of keys, checked where they are listed
                    boolean family = literals.group(2) != null && literal.endsWith(".");
                    if (!family && !known.contains(literal)) {
                        notKeys.add(source.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(notKeys).as("literals that are no translation key").isEmpty();
    }

    @Test
    void aMissingKeyFailsLoudlyInTheTestsInsteadOfShowingItself() {
        assertThat(System.getProperty("keyward.translations.strict"))
                .as("set by the build for every test")
                .isEqualTo("true");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new com.keyward.validation.NotFoundException("There is no user named x."))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No translation for \"There is no user named x.\"");
        assertThat(new com.keyward.validation.NotFoundException("users.nosuch", "x").getMessage())
                .isEqualTo("There is no user named \"x\".");
    }

    @Test
    void aServiceMessageReadsInEachLanguageAndInEnglishForTheApi() {
        Message limit = Message.of("newkey.limit", 5);
        assertThat(limit.in(Locale.GERMAN)).startsWith("Sie haben bereits 5 aktive API-Schlüssel");
        assertThat(limit.in(Locale.forLanguageTag("de-AT"))).isEqualTo(limit.in(Locale.GERMAN));
        assertThat(limit.in(Locale.FRENCH)).isEqualTo(limit.toString());
        assertThat(limit.toString()).startsWith("You already have 5 active API keys");
        assertThat(Message.of("import.problem.username", Message.of("account.username.empty"))
                        .in(Locale.GERMAN))
                .isEqualTo("Benutzername: Geben Sie einen Benutzernamen ein.");
        assertThat(Translations.text(Locale.GERMAN, "keys.count", 1234)).isEqualTo("1.234 Schlüssel");
        assertThat(Translations.text(Locale.ENGLISH, "keys.count", 1)).isEqualTo("1 key");
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
