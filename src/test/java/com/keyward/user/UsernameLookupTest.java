package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.security.SignInForm;
import java.net.CookieManager;
import java.net.http.HttpClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A username is a handle, found by its key (NFKC_Casefold, byte for byte): case and width fold, accents never. */
@KeywardTest
class UsernameLookupTest {

    @LocalServerPort
    int port;

    @Test
    void theSignInFormFindsAnAccountByItsKeyNeverByAnAccentedLookAlike() throws Exception {
        // sam's password is sam: the same key signs in, an accented or decomposed look-alike does not
        assertThat(signIn("SAM", "sam")).isEqualTo("/");
        assertThat(signIn("ｓａｍ", "sam")).isEqualTo("/");
        assertThat(signIn("sám", "sam")).endsWith("/login?error");
        assertThat(signIn("sa\u0301m", "sam")).endsWith("/login?error");
    }

    private String signIn(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .localAddress(java.net.InetAddress.getByName("127.0.0.9"))
                .build();
        return SignInForm.location(SignInForm.submit(client, port, username, password));
    }
}
