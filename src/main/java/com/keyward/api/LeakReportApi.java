package com.keyward.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.keyward.apikey.KeyLeaks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leak reports from secret scanners, public (GitHub's secret-scanning partner program posts here):
 * each active Keyward key reported is revoked within the request. The API chain's leak-report gate
 * limits each address's reports and their size before the body is read.
 */
@RestController
@RequestMapping(path = KeyLeaks.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leak reports", description = "Report Keyward keys found in public; active ones are revoked at once.")
public class LeakReportApi {

    /** Tokens per report: GitHub sends batches of up to a few dozen. */
    static final int MAX_TOKENS = 100;

    private final KeyLeaks leaks;

    public LeakReportApi(KeyLeaks leaks) {
        this.leaks = leaks;
    }

    /** One reported token, as GitHub sends it. */
    public record ReportedToken(
            @Nullable String token,
            @Nullable String type,
            @Nullable String url,
            @Nullable String source) {}

    /** The answer per token, as GitHub expects it: never the owner (no token_type when none was sent). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenVerdict(
            @JsonProperty("token_hash") String tokenHash,
            @JsonProperty("token_type") @Nullable String tokenType,
            String label) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(
            summary = "Report Keyward keys found in public (no key needed); each active one is revoked at once",
            description = "A JSON array of {token, type, url, source}, at most 100 and 256 KiB. The answer says per "
                    + "token (by its SHA-256, hex) whether it is a real Keyward key: true_positive or false_positive. "
                    + "Each address may report 30 times a minute (per node), then 429.")
    public List<TokenVerdict> report(@RequestBody List<@Nullable ReportedToken> tokens) {
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("At most " + MAX_TOKENS + " tokens per report.");
        }
        int missing = tokens.indexOf(null);
        if (missing >= 0) {
            throw new IllegalArgumentException("Element " + missing
                    + " of the report is null: each element is an object {token, type, url, source}.");
        }
        return leaks
                .report(tokens.stream()
                        .map(Objects::requireNonNull)
                        .map(token -> new KeyLeaks.Report(token.token(), token.type(), token.url(), token.source()))
                        .toList())
                .stream()
                .map(verdict -> new TokenVerdict(
                        verdict.tokenHash(),
                        verdict.tokenType(),
                        verdict.truePositive() ? "true_positive" : "false_positive"))
                .toList();
    }
}
