package com.keyward.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.ApiStatus;
import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.security.SignInForm;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A directory account is bound to its entry (entryUUID here), not to whatever name an entry
 * carries: look-alike entries never sign into it, and a leaver's keys never come back with the name.
 */
@KeywardTest
class DirectoryIdentityTest {

    @Autowired
    EmbeddedDirectory directory;

    @Autowired
    DirectorySync sync;

    @Autowired
    TestAccounts accounts;

    @Autowired
    DSLContext dsl;

    @LocalServerPort
    int port;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSeparateEntryWithALookAlikeNameNeverSignsIntoLenasAccount() throws Exception {
        assertThat(signIn("lena", "lena-directory-pass")).isEqualTo("/");
        long lena = accounts.idOf("lena");
        // a second person, whose uid differs from lena's by an accent only, with a password of her own
        addPerson("léna", "Mallory Look-alike", "mallory@evil.example", "lena-look-alike-pass");

        String where = signIn("léna", "lena-look-alike-pass");

        assertThat(value("SELECT display_name FROM app_user WHERE id = " + lena))
                .isEqualTo("Lena Ldap");
        assertThat(value("SELECT email FROM app_user WHERE id = " + lena)).isEqualTo("lena@corp.example");
        // léna is another handle: her own account, never lena's
        assertThat(where).isEqualTo("/");
        assertThat(value("SELECT COUNT(*) FROM app_user WHERE username = 'léna' AND id <> " + lena))
                .isEqualTo("1");
    }

    @Test
    void anEntryAssertingTheSameHandleIsRefusedWithItsOwnMessageAndAudited() throws Exception {
        assertThat(signIn("lena", "lena-directory-pass")).isEqualTo("/");
        long lena = accounts.idOf("lena");
        // full-width letters: another entry to the directory, the same handle to Keyward (NFKC)
        addPerson("ｌｅｎａ", "Mallory Fullwidth", "mallory@evil.example", "lena-fullwidth-pass");

        assertThat(signIn("ｌｅｎａ", "lena-fullwidth-pass")).endsWith("/login?bound");

        assertThat(value("SELECT display_name FROM app_user WHERE id = " + lena))
                .isEqualTo("Lena Ldap");
        assertThat(value("SELECT email FROM app_user WHERE id = " + lena)).isEqualTo("lena@corp.example");
        assertThat(dsl.fetch(
                                "SELECT actor_username FROM audit_event WHERE type = 'SIGN_IN_REFUSED' AND"
                                        + " target_user_id = ?",
                                lena)
                        .getValues(0, String.class))
                .anySatisfy(actor -> assertThat(actor).startsWith("directory:"));
    }

    @Test
    void aLeaversKeysAreRevokedAndStayRevokedWhenTheNameComesBackAsANewEntry() throws Exception {
        addPerson("lenny", "Lenny Leaver", "lenny@corp.example", "lenny-directory-pass");
        // in the group that maps to API Integrator: he may make keys
        directory
                .server()
                .modify(
                        "cn=key-makers,ou=groups,dc=corp",
                        new Modification(ModificationType.ADD, "member", "uid=lenny,ou=people,dc=corp"));
        assertThat(signIn("lenny", "lenny-directory-pass")).isEqualTo("/");
        long lenny = accounts.idOf("lenny");
        GeneratedApiKey key = accounts.keyOf("lenny", "ACCOUNT");
        assertThat(ApiStatus.of(base(), key.key())).isEqualTo(200);

        directory.server().delete("uid=lenny,ou=people,dc=corp");
        accounts.signInAs("admin");
        assertThat(sync.syncNow("lenny")).isFalse();
        SecurityContextHolder.clearContext();

        assertThat(ApiStatus.within5s(base(), key.key(), 401)).isEqualTo(401);
        assertThat(value("SELECT revoked_at IS NOT NULL FROM api_key WHERE id = "
                        + key.info().id()))
                .isEqualTo("1");
        assertThat(details("API_KEY_REVOKED", lenny))
                .anySatisfy(d -> assertThat(d).contains("owner left the directory"));

        // a new hire with the same uid: a new entry, so a new account; the old key stays dead
        addPerson("lenny", "Lenny Newhire", "lenny.new@corp.example", "lenny-new-pass");
        assertThat(signIn("lenny", "lenny-new-pass")).isEqualTo("/");
        assertThat(accounts.idOf("lenny")).isNotEqualTo(lenny);
        assertThat(value("SELECT username FROM app_user WHERE id = " + lenny)).isEqualTo("lenny~left-" + lenny);
        assertThat(value("SELECT display_name FROM app_user WHERE id = " + lenny))
                .isEqualTo("Lenny Leaver");
        assertThat(ApiStatus.of(base(), key.key())).isEqualTo(401);
        assertThat(value("SELECT COUNT(*) FROM api_key WHERE owner_id = " + accounts.idOf("lenny")))
                .isEqualTo("0");
    }

    private void addPerson(String uid, String name, String mail, String password) throws Exception {
        directory
                .server()
                .add(new Entry(
                        "uid=" + uid + ",ou=people,dc=corp",
                        new com.unboundid.ldap.sdk.Attribute("objectClass", "top", "inetOrgPerson", "user"),
                        new com.unboundid.ldap.sdk.Attribute("uid", uid),
                        new com.unboundid.ldap.sdk.Attribute("cn", name),
                        new com.unboundid.ldap.sdk.Attribute("sn", "Test"),
                        new com.unboundid.ldap.sdk.Attribute("mail", mail),
                        new com.unboundid.ldap.sdk.Attribute("userPassword", password),
                        new com.unboundid.ldap.sdk.Attribute("userAccountControl", "512")));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private String signIn(String username, String password) throws Exception {
        // an address of its own: these sign-ins do not use up the throttle budget of other tests' 127.0.0.1
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .localAddress(java.net.InetAddress.getByName("127.0.0.8"))
                .build();
        return SignInForm.location(SignInForm.submit(client, port, username, password));
    }

    private String value(String sql) {
        return String.valueOf(dsl.fetchSingle(sql).get(0));
    }

    private List<String> details(String type, long target) {
        return dsl.fetch("SELECT details FROM audit_event WHERE type = ? AND target_user_id = ?", type, target)
                .getValues(0, String.class);
    }
}
