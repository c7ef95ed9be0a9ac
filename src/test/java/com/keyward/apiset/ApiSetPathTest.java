package com.keyward.apiset;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The API sets are defined once: the seed rows of the migrations say the same, and every set has its document. */
@KeywardTest
class ApiSetPathTest {

    @Autowired
    ApiSetCatalog catalog;

    @LocalServerPort
    int port;

    @Test
    void theMigrationsSeedExactlyTheDefinedApiSetsUnderTheirNames() {
        assertThat(catalog.all().stream().filter(ApiSet::builtIn))
                .extracting(ApiSet::code)
                .containsExactlyElementsOf(
                        Arrays.stream(ApiSetPath.values()).map(ApiSetPath::code).toList());
        for (ApiSetPath set : ApiSetPath.values()) {
            assertThat(catalog.get(set.code()).name()).isEqualTo(set.displayName());
        }
    }

    @Autowired
    ApiEndpoints endpoints;

    /** The key preview lists each set's operations from the same source as its OpenAPI document. */
    @Test
    void thePreviewsEndpointsAreExactlyTheOperationsOfEachSetsOpenApiDocument() throws Exception {
        for (ApiSetPath set : ApiSetPath.values()) {
            String json = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/v3/api-docs/" + set.group()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var document = new io.swagger.v3.parser.OpenAPIV3Parser()
                    .readContents(json, null, null)
                    .getOpenAPI();
            java.util.List<String> documented = new java.util.ArrayList<>();
            document.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) ->
                                    documented.add(method + " " + path + " " + operation.getSummary())));
            assertThat(endpoints.of(set.code()))
                    .as(set.group())
                    .isNotEmpty()
                    .extracting(endpoint -> endpoint.method() + " " + endpoint.path() + " " + endpoint.summary())
                    .containsExactlyInAnyOrderElementsOf(documented);
        }
        assertThat(endpoints.of("BILLING_READ")).isEmpty();
    }

    @Test
    void everyApiSetHasItsOpenApiDocumentListingOnlyItsPaths() throws Exception {
        for (ApiSetPath set : ApiSetPath.values()) {
            HttpResponse<String> document = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + port + "/v3/api-docs/" + set.group()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(document.statusCode()).as(set.group()).isEqualTo(200);
            assertThat(document.body()).contains("\"" + set.path());
            Arrays.stream(ApiSetPath.values())
                    .filter(other -> other != set)
                    .forEach(
                            other -> assertThat(document.body()).as(set.group()).doesNotContain("\"" + other.path()));
        }
    }
}
