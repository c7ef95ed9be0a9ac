package com.keyward.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.billing.BillingService;
import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.GeneratedApiKey;
import com.keyward.apiset.ApiSetForm;
import com.keyward.apiset.ApiSetService;
import com.keyward.security.Authorities;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Another Spring Boot service, started here on its own port, accepts a Keyward key through
 * introspection and refuses it once revoked: Keyward as the key issuer of an intranet.
 */
@KeywardTest
class IntrospectionClientTest {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ApiSetService apiSets;

    @Autowired
    ApiKeyService keys;

    @Test
    void anotherSpringServiceAcceptsAKeywardKeyThroughIntrospectionUntilItIsRevoked() throws Exception {
        // an admin registers the billing team's API set; the gateway's own key may introspect
        accounts.signInAs("admin");
        if (apiSets.all().stream().noneMatch(set -> set.code().equals("BILLING_READ"))) {
            apiSets.create(new ApiSetForm("BILLING_READ", "Billing (read)", "Read invoices.", "billing-service"));
        }
        SecurityContextHolder.clearContext();
        String billingTeam = accounts.create("billing", List.of(Authorities.MANAGE_USER_API_KEY));
        String serviceKey = accounts.keyOf(billingTeam, "INTROSPECTION").key();
        String person = accounts.create("reader", List.of(Authorities.MANAGE_USER_API_KEY));
        GeneratedApiKey readerKey = accounts.keyOf(person, "BILLING_READ");
        String otherKey = accounts.keyOf(person, "ACCOUNT").key();

        // the service's own key works on Keyward's Introspection API
        HttpResponse<String> direct = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/introspect"))
                                .header("X-Api-Key", serviceKey)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("token=" + readerKey.key()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(direct.body()).contains("\"active\":true", "\"sub\":\"" + person + "\"");

        try (ConfigurableApplicationContext billing =
                BillingService.start("http://127.0.0.1:" + port + "/api/v1/introspect", serviceKey)) {
            URI invoices = URI.create("http://127.0.0.1:" + BillingService.port(billing) + "/invoices");

            HttpResponse<String> accepted = call(invoices, readerKey.key());
            assertThat(accepted.statusCode()).isEqualTo(200);
            assertThat(accepted.body()).isEqualTo("invoices for " + person);
            assertThat(call(invoices, otherKey).statusCode())
                    .as("a key without BILLING_READ")
                    .isEqualTo(403);
            assertThat(call(invoices, "kw_nonsense").statusCode()).isEqualTo(401);

            accounts.signInAs(person);
            keys.revoke(readerKey.info().id());
            SecurityContextHolder.clearContext();
            long revoked = System.nanoTime();
            int status = call(invoices, readerKey.key()).statusCode();
            while (status != 401
                    && System.nanoTime() - revoked < Duration.ofSeconds(6).toNanos()) {
                Thread.sleep(200);
                status = call(invoices, readerKey.key()).statusCode();
            }
            assertThat(status).isEqualTo(401);
            assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static HttpResponse<String> call(URI uri, String key) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + key)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
