package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.keyward.ApiStatus;
import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.role.RoleFixtures;
import com.keyward.security.Authorities;
import com.keyward.validation.ValidationException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;

/** A local account's life: created by an admin, its password set by link, changed, reset, deactivated. */
@KeywardTest
@ExtendWith(OutputCaptureExtension.class)
class AccountLifecycleTest {

    private static final String GOOD_PASSWORD = "correct horse battery staple 42";

    @Autowired
    UserAdministration administration;

    @Autowired
    Passwords passwords;

    @Autowired
    UserImport imports;

    @Autowired
    TestAccounts accounts;

    @Autowired
    RoleFixtures roles;

    @Autowired
    AuthenticationManager signIn;

    @Autowired
    DSLContext dsl;

    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdminCreatesAnAccountWhosePersonSetsTheirPasswordOnceThroughTheLink(CapturedOutput output) {
        String erin = "erin-" + suffix();
        accounts.signInAs("admin");
        SetPasswordLink link = administration.create(new AccountForm(
                erin,
                "Erin Engineer",
                erin + "@example.com",
                Set.of(roles.findIdByName("Viewer").orElseThrow()),
                null));
        SecurityContextHolder.clearContext();

        assertThat(link.username()).isEqualTo(erin);
        assertThat(link.token()).hasSizeGreaterThanOrEqualTo(43); // 256 bits, base64url
        assertThat(passwords.usernameOfLink(link.token())).contains(erin);
        assertThat(cannotSignIn(erin, "")).isTrue();

        assertThatThrownBy(() -> passwords.setWithLink(link.token(), "1qaz2wsx3edc"))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused -> assertThat(((ValidationException) refused).errors())
                        .containsEntry(
                                AccountField.PASSWORD,
                                "This is one of the most commonly used passwords. Choose another one."));
        assertThatThrownBy(() -> passwords.setWithLink(link.token(), "short"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> passwords.setWithLink(link.token(), "my name is " + erin + "!"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("must not contain your username");

        assertThat(passwords.setWithLink(link.token(), GOOD_PASSWORD)).isEqualTo(erin);
        assertThat(signsIn(erin, GOOD_PASSWORD)).isTrue();
        // single use
        assertThat(passwords.usernameOfLink(link.token())).isEmpty();
        assertThatThrownBy(() -> passwords.setWithLink(link.token(), GOOD_PASSWORD + "!"))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused ->
                        assertThat(((ValidationException) refused).errors()).containsKey(AccountField.TOKEN));

        assertThat(auditTypesOf(erin)).contains("ACCOUNT_CREATED", "ROLE_ASSIGNED", "PASSWORD_LINK_USED");
        assertNoSecretAnywhere(output, link.token(), GOOD_PASSWORD, "1qaz2wsx3edc");
    }

    @Test
    void changingOnesPasswordNeedsTheCurrentOneAndTheOldOneStopsWorking(CapturedOutput output) {
        String person = accounts.create("changer", List.of());
        accounts.signInAs(person);
        assertThatThrownBy(() -> passwords.changeOwn("not my password", GOOD_PASSWORD))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused -> assertThat(((ValidationException) refused).errors())
                        .containsKey(AccountField.CURRENT_PASSWORD));
        passwords.changeOwn(person, GOOD_PASSWORD);

        assertThat(signsIn(person, GOOD_PASSWORD)).isTrue();
        assertThat(cannotSignIn(person, person)).isTrue();
        assertThat(auditTypesOf(person)).contains("PASSWORD_CHANGED");
        assertNoSecretAnywhere(output, GOOD_PASSWORD);
    }

    @Test
    void guessingTheCurrentPasswordThroughAFoundSessionIsSlowedDownWithoutLockingAnything() {
        String person = accounts.create("guessed", List.of());
        accounts.signInAs(person);
        for (int guess = 1; guess <= 5; guess++) {
            String wrong = "guess number " + guess;
            assertThatThrownBy(() -> passwords.changeOwn(wrong, GOOD_PASSWORD))
                    .isInstanceOf(ValidationException.class)
                    .satisfies(refused -> assertThat(((ValidationException) refused).errors())
                            .containsEntry(AccountField.CURRENT_PASSWORD, "This is not your current password."));
        }
        // the sixth is not even checked: the right password waits too
        assertThatThrownBy(() -> passwords.changeOwn(person, GOOD_PASSWORD))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused -> assertThat(((ValidationException) refused).errors())
                        .containsEntry(
                                AccountField.CURRENT_PASSWORD,
                                "Too many wrong passwords: try again in a few minutes."));
        // nothing is locked: the person still signs in
        assertThat(signsIn(person, person)).isTrue();
    }

    @Test
    void aResetVoidsThePasswordAndTheOldLinkAndIssuesANewLink(CapturedOutput output) {
        String person = accounts.create("forgetful", List.of());
        long id = accounts.idOf(person);
        accounts.signInAs("admin");
        SetPasswordLink first = administration.resetPassword(id);
        SetPasswordLink second = administration.resetPassword(id);
        SecurityContextHolder.clearContext();

        assertThat(cannotSignIn(person, person)).isTrue();
        assertThat(passwords.usernameOfLink(first.token())).isEmpty();
        assertThat(passwords.usernameOfLink(second.token())).contains(person);
        assertThat(auditTypesOf(person)).contains("PASSWORD_RESET");
        assertNoSecretAnywhere(output, first.token(), second.token());
    }

    @Test
    void aDeactivatedPersonsKeysAreRevokedAndGet401WithinFiveSeconds() throws Exception {
        String leaver = accounts.create("leaver", List.of(Authorities.MANAGE_USER_API_KEY, Authorities.VIEW_USERS));
        GeneratedApiKey key = accounts.keyOf(leaver, "ACCOUNT");
        assertThat(ApiStatus.of("http://127.0.0.1:" + port, key.key())).isEqualTo(200);

        accounts.signInAs("admin");
        administration.deactivate(accounts.idOf(leaver));
        SecurityContextHolder.clearContext();

        assertThat(ApiStatus.within5s("http://127.0.0.1:" + port, key.key(), 401))
                .isEqualTo(401);
        assertThat(dsl.fetchValue(
                        "SELECT COUNT(*) FROM api_key WHERE id = ? AND revoked_at IS NOT NULL",
                        key.info().id()))
                .isEqualTo(1L);
        assertThat(auditTypesOf(leaver)).contains("ACCOUNT_DEACTIVATED", "API_KEY_REVOKED");
        // history stays: the account is still there, disabled
        assertThat(dsl.fetchValue("SELECT status FROM app_user WHERE username = ?", leaver))
                .isEqualTo("DISABLED");
    }

    @Test
    void nobodyWithoutManageUsersCreatesAccountsAndBadInputIsNamedPerField() {
        accounts.signInAs("sam");
        assertThatThrownBy(() ->
                        administration.create(new AccountForm("x-" + suffix(), "X", "x@example.com", Set.of(), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

        accounts.signInAs("admin");
        assertThatThrownBy(() -> administration.create(new AccountForm("Dana", "", "not-an-email", Set.of(), null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(refused -> assertThat(((ValidationException) refused).errors())
                        .containsOnlyKeys(AccountField.USERNAME, AccountField.NAME, AccountField.EMAIL)
                        .containsEntry(
                                AccountField.USERNAME,
                                "This username is taken (usernames ignore upper and lower case)."));
    }

    @Test
    void aCsvFileOverTwoMebibytesIsRefusedAfterReadingNoMoreThanTheLimit() {
        // 20 MiB of rows, made as they are read: how much the import reads is what counts (before:
        // every row up to the 10,000th)
        long[] delivered = {0};
        long size = 20L * 1024 * 1024;
        java.io.Reader huge = new java.io.Reader() {
            // long rows: the size limit, not the row limit, is what a 20 MiB file meets first
            private final String row = "someone,Some One" + " and more".repeat(40) + ",someone@example.com,Viewer\n";

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (delivered[0] >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - delivered[0]);
                for (int i = 0; i < n; i++) {
                    long at = delivered[0] + i;
                    buffer[offset + i] = at < 26
                            ? "username,name,email,roles\n".charAt((int) at)
                            : row.charAt((int) (at % row.length()));
                }
                delivered[0] += n;
                return n;
            }

            @Override
            public void close() {}
        };
        accounts.signInAs("admin");
        long before = count();

        assertThatThrownBy(() -> imports.preview(huge))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("larger than 2 MiB");
        System.out.printf("20 MiB CSV: %,d characters read before the refusal%n", delivered[0]);
        assertThat(delivered[0]).isLessThanOrEqualTo(UserImport.MAX_BYTES + 64 * 1024);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aCsvImportWithBadRowsImportsNothingAndNamesThemThenAllOfItInOneGo() {
        String batch = suffix();
        StringBuilder csv = new StringBuilder("username,name,email,roles\n");
        for (int i = 1; i <= 1000; i++) {
            csv.append("imp")
                    .append(batch)
                    .append('-')
                    .append(i)
                    .append(",Imported ")
                    .append(i)
                    .append(",imp")
                    .append(i)
                    .append("@example.com,Viewer\n");
        }
        String good = csv.toString();
        // line 11: a bad email; line 501: an unknown role; line 1001: a username already taken
        String bad = good.replace("imp" + i(10) + "@example.com", "not-an-email")
                .replace("Imported 500,imp500@example.com,Viewer", "Imported 500,imp500@example.com,Nonexistent")
                .replace("imp" + batch + "-1000,", "dana,");
        accounts.signInAs("admin");
        long before = count();

        List<UserImport.Row> preview = imports.preview(new StringReader(bad));
        assertThat(preview.stream().filter(row -> !row.ok()).map(UserImport.Row::line))
                .containsExactly(11L, 501L, 1001L);
        assertThatThrownBy(() -> imports.commit(new StringReader(bad)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("3 rows have a problem")
                .hasMessageContaining("line 11")
                .hasMessageContaining("line 501")
                .hasMessageContaining("line 1001");
        assertThat(count()).isEqualTo(before);

        long started = System.nanoTime();
        List<SetPasswordLink> links = imports.commit(new StringReader(good));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("CSV import of 1000 users in one transaction: " + millis + " ms");
        assertThat(links).hasSize(1000);
        assertThat(count()).isEqualTo(before + 1000);
        assertThat(links.stream().map(SetPasswordLink::token).distinct()).hasSize(1000);
    }

    @Test
    void setupAnswers404OnceTheInstallationHasHadAnAdmin() throws Exception {
        HttpResponse<String> setup = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/setup"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(404);
        assertThat(setup.body()).doesNotContain("Set-up token");
    }

    private static String i(int n) {
        return String.valueOf(n);
    }

    private long count() {
        return dsl.fetchCount(dsl.selectFrom("app_user"));
    }

    private boolean signsIn(String username, String password) {
        try {
            return signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password))
                    .isAuthenticated();
        } catch (AuthenticationException refused) {
            return false;
        }
    }

    private boolean cannotSignIn(String username, String password) {
        try {
            signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            return false;
        } catch (BadCredentialsException refused) {
            return true;
        }
    }

    private List<String> auditTypesOf(String username) {
        return dsl.fetch("SELECT type FROM audit_event WHERE target_username = ?", username)
                .getValues(0, String.class);
    }

    /** Not in the log, not in any text or binary column of any table (the audit log included). */
    private void assertNoSecretAnywhere(CapturedOutput output, String... secrets) {
        var columns = dsl.fetch(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = DATABASE() "
                        + "AND data_type IN ('varchar', 'char', 'text', 'mediumtext', 'longtext', 'binary', 'varbinary', 'blob')");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            for (var column : columns) {
                String table = column.get(0, String.class);
                String name = column.get(1, String.class);
                Long hits = dsl.fetchSingle(
                                "SELECT COUNT(*) FROM `" + table + "` WHERE CAST(`" + name + "` AS CHAR) LIKE ?",
                                "%" + secret + "%")
                        .get(0, Long.class);
                assertThat(hits).as(table + "." + name + " holds a secret").isZero();
            }
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
