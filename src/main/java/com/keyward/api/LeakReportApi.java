package com.keyward.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.keyward.apikey.KeyLeaks;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Leak reports from secret scanners, public (GitHub's secret-scanning partner program posts here):
 * each active Keyward key reported is revoked within the request. Rate-limited per address on each
 * node, in memory, so that junk costs no database write.
 */
@RestController
@RequestMapping(path = KeyLeaks.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Leak reports", description = "Report Keyward keys found in public; active ones are revoked at once.")
public class LeakReportApi {

    /** Tokens per report: GitHub sends batches of up to a few dozen. */
    static final int MAX_TOKENS = 100;

    private final KeyLeaks leaks;
    private final int allowedPerMinute;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(2))
            .maximumSize(100_000)
            .build();

    public LeakReportApi(KeyLeaks leaks, @Value("${keyward.leaks.reports-per-minute:30}") int allowedPerMinute) {
        this.leaks = leaks;
        this.allowedPerMinute = allowedPerMinute;
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
            description = "A JSON array of {token, type, url, source}, at most 100. The answer says per token "
                    + "(by its SHA-256, hex) whether it is a real Keyward key: true_positive or false_positive.")
    public List<TokenVerdict> report(@RequestBody List<ReportedToken> tokens, HttpServletRequest request) {
        ConsumptionProbe probe = buckets.get(
                        request.getRemoteAddr(),
                        address -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(allowedPerMinute)
                                        .refillGreedy(allowedPerMinute, Duration.ofMinutes(1)))
                                .build())
                .tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyReports(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
        }
        if (tokens.size() > MAX_TOKENS) {
            throw new IllegalArgumentException("At most " + MAX_TOKENS + " tokens per report.");
        }
        List<TokenVerdict> verdicts = leaks
                .report(tokens.stream()
                        .map(token -> new KeyLeaks.Report(token.token(), token.type(), token.url(), token.source()))
                        .toList())
                .stream()
                .map(verdict -> new TokenVerdict(
                        verdict.tokenHash(),
                        verdict.tokenType(),
                        verdict.truePositive() ? "true_positive" : "false_positive"))
                .toList();
        return verdicts;
    }

    /** Past the address's allowance of reports: 429 with Retry-After. */
    static final class TooManyReports extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final long retryAfterSeconds;

        TooManyReports(long retryAfterSeconds) {
            super("Too many leak reports from this address. Try again in " + retryAfterSeconds + " seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    @ExceptionHandler(TooManyReports.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyReports tooMany) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(tooMany.retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, tooMany.getMessage()));
    }
}
