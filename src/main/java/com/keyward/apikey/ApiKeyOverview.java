package com.keyward.apikey;

import com.keyward.db.RetriedOnConflict;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Admin › API Keys: every key of the organisation, for whoever holds Revoke User API Keys (or
 * Admin, which holds it). Listed, revoked one by one or many at once, exported as CSV — never a
 * key's secret, which exists nowhere.
 */
@Service
public class ApiKeyOverview {

    private static final int EXPORT_PAGE = 2_000;

    private final ApiKeyOverviewRepository overview;
    private final ApiKeyService keys;
    private final CurrentUser currentUser;
    private final Clock clock;

    ApiKeyOverview(ApiKeyOverviewRepository overview, ApiKeyService keys, CurrentUser currentUser, Clock clock) {
        this.overview = overview;
        this.keys = keys;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long count(KeyFilter filter) {
        requireOverview();
        return overview.count(filter, clock.instant());
    }

    @Transactional(readOnly = true)
    public List<KeyOverviewRow> page(KeyFilter filter, KeySort sort, boolean ascending, int offset, int limit) {
        requireOverview();
        return overview.page(filter, sort, ascending, clock.instant(), offset, limit);
    }

    /** Revokes these keys, each audited; all or nothing. Returns how many were still active. */
    @RetriedOnConflict
    @Transactional
    public int revoke(Collection<Long> keyIds) {
        requireOverview();
        int revoked = 0;
        for (long id : keyIds) {
            revoked += keys.revokeCounted(id) ? 1 : 0;
        }
        return revoked;
    }

    /**
     * The filtered list as CSV (RFC 4180), in the grid's default order. A cell that a spreadsheet
     * would take for a formula (=, +, -, @ first) is quoted with a leading apostrophe.
     */
    @Transactional(readOnly = true)
    public String csv(KeyFilter filter) {
        requireOverview();
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader("owner", "name", "api_sets", "hint", "created", "expires", "last_used", "status")
                        .get())) {
            var now = clock.instant();
            for (int offset = 0; ; offset += EXPORT_PAGE) {
                List<KeyOverviewRow> rows = overview.page(filter, KeySort.CREATED, false, now, offset, EXPORT_PAGE);
                for (KeyOverviewRow row : rows) {
                    csv.printRecord(
                            safe(row.ownerUsername()),
                            safe(row.name()),
                            String.join(";", row.apiSetCodes()),
                            row.hint(),
                            row.createdAt(),
                            row.expiresAt(),
                            row.lastUsedAt() == null ? "" : row.lastUsedAt(),
                            row.statusAt(now));
                }
                if (rows.size() < EXPORT_PAGE) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    public boolean mayOpen() {
        return currentUser.hasAuthority(Authorities.REVOKE_USER_API_KEYS);
    }

    private void requireOverview() {
        currentUser.requireAuthority(
                Authorities.REVOKE_USER_API_KEYS, "The API keys of everyone need the Revoke User API Keys authority");
    }
}
