package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Message;
import com.keyward.validation.ValidationException;
import jakarta.annotation.Nullable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating many local accounts from a CSV file (columns username, name, email, roles; roles by
 * name, separated by semicolons): a preview with every row's problem, then all or nothing in one
 * transaction. Each account gets its own set-password link, listed once for export.
 */
@Service
public class UserImport {

    public static final int MAX_ROWS = 10_000;
    /** The largest file: 10,000 rows of ordinary length fit several times. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    public static final List<String> COLUMNS = List.of("username", "name", "email", "roles");

    private final UserAdministration administration;
    private final UserRepository users;
    private final PasswordLinks links;
    private final RoleService roles;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    UserImport(
            UserAdministration administration,
            UserRepository users,
            PasswordLinks links,
            RoleService roles,
            CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.administration = administration;
        this.users = users;
        this.links = links;
        this.roles = roles;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** One row of the file as read, with what is wrong with it, if anything. */
    public record Row(
            long line,
            String username,
            String name,
            String email,
            List<String> roleNames,
            @Nullable Message problem) {

        public boolean ok() {
            return problem == null;
        }
    }

    /** Reads and checks the whole file; nothing is saved. */
    @Transactional(readOnly = true)
    public List<Row> preview(Reader csv) {
        requireManageUsers();
        return check(read(csv));
    }

    /**
     * Creates every account of the file, or none: when any row has a problem, the exception names
     * the rows (by line) and nothing is saved.
     */
    @RetriedOnConflict
    @Transactional
    public List<SetPasswordLink> commit(Reader csv) {
        SignedInUser actor = requireManageUsers();
        List<Row> rows = check(read(csv));
        List<Row> bad = rows.stream().filter(row -> !row.ok()).toList();
        if (!bad.isEmpty()) {
            throw ValidationException.of(
                    AccountField.FORM,
                    "import.refused",
                    bad.size(),
                    bad.stream()
                            .limit(20)
                            .map(row ->
                                    Message.of("import.refused.row", row.line(), Objects.requireNonNull(row.problem())))
                            .toList(),
                    bad.size() > 20 ? "; …" : "");
        }
        Map<String, Long> roleIds = roleIdsByName();
        List<SetPasswordLink> created = new ArrayList<>(rows.size());
        for (Row row : rows) {
            AccountForm account = new AccountForm(
                    row.username(),
                    row.name(),
                    row.email(),
                    row.roleNames().stream()
                            .map(name -> roleIds.get(name.toLowerCase(Locale.ROOT)))
                            .collect(Collectors.toSet()),
                    null);
            long id = administration.insertNew(account);
            events.publishEvent(new AccountActivity(
                    AccountActivity.Kind.IMPORTED,
                    id,
                    row.username(),
                    "Local account \"" + row.name() + "\" <" + row.email() + ">, line " + row.line()
                            + " of an import of " + rows.size()));
            created.add(links.issue(id, row.username(), row.email(), actor.id()));
        }
        return created;
    }

    private List<Row> check(List<Row> rows) {
        Map<String, Long> roleIds = roleIdsByName();
        Set<String> taken =
                users
                        .existingUsernames(rows.stream()
                                .map(Row::username)
                                .filter(name -> !name.isEmpty())
                                .toList())
                        .stream()
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Row> checked = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Message problem = row.problem();
            if (problem == null) {
                problem = problem(row, roleIds, taken, seen).orElse(null);
            }
            checked.add(new Row(row.line(), row.username(), row.name(), row.email(), row.roleNames(), problem));
        }
        return checked;
    }

    private static Optional<Message> problem(Row row, Map<String, Long> roleIds, Set<String> taken, Set<String> seen) {
        Optional<Message> username = AccountRules.usernameProblem(row.username());
        if (username.isPresent()) {
            return username.map(problem -> Message.of("import.problem.username", problem));
        }
        String key = row.username().toLowerCase(Locale.ROOT);
        if (taken.contains(key)) {
            return Optional.of(Message.of("import.problem.taken", row.username()));
        }
        if (!seen.add(key)) {
            return Optional.of(Message.of("import.problem.twice", row.username()));
        }
        Optional<Message> name = com.keyward.validation.Names.nameProblem(row.name(), "person");
        if (name.isPresent()) {
            return name.map(problem -> Message.of("import.problem.name", problem));
        }
        Optional<Message> email = AccountRules.emailProblem(row.email());
        if (email.isPresent()) {
            return email.map(problem -> Message.of("import.problem.email", problem));
        }
        return row.roleNames().stream()
                .filter(role -> !roleIds.containsKey(role.toLowerCase(Locale.ROOT)))
                .findFirst()
                .map(role -> Message.of("import.problem.role", role));
    }

    private Map<String, Long> roleIdsByName() {
        Map<String, Long> byName = new HashMap<>();
        for (RoleSummary role : roles.all()) {
            byName.put(role.name().toLowerCase(Locale.ROOT), role.id());
        }
        return byName;
    }

    private static List<Row> read(Reader csv) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new Bounded(csv), format)) {
            Set<String> header = parser.getHeaderNames().stream()
                    .map(name -> name.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            if (!header.containsAll(COLUMNS)) {
                throw ValidationException.of(
                        AccountField.FORM, "import.columns", String.join(", ", COLUMNS), String.join(", ", header));
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw ValidationException.of(AccountField.FORM, "import.toomany", MAX_ROWS);
                }
                rows.add(row(record));
            }
            if (rows.isEmpty()) {
                throw ValidationException.of(AccountField.FORM, "import.empty");
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
            // the parser wraps what its reader throws
            for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    throw ValidationException.of(AccountField.FORM, "import.toolarge", MAX_BYTES / (1024 * 1024));
                }
            }
            throw ValidationException.of(AccountField.FORM, "import.unreadable");
        }
    }

    /** Whoever hands a file over, nothing past {@link #MAX_BYTES} characters is read. */
    private static final class Bounded extends FilterReader {

        private long left = MAX_BYTES;

        Bounded(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, (int) Math.min(length, left + 1));
            if (read > 0) {
                left -= read;
                if (left < 0) {
                    throw new TooLarge();
                }
            }
            return read;
        }
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static Row row(CSVRecord record) {
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            return new Row(line, "", "", "", List.of(), Message.of("import.problem.columns", COLUMNS.size()));
        }
        return new Row(
                line,
                value(record, "username"),
                value(record, "name"),
                value(record, "email"),
                Arrays.stream(value(record, "roles").split(";"))
                        .map(String::strip)
                        .filter(role -> !role.isEmpty())
                        .toList(),
                null);
    }

    private static String value(CSVRecord record, String column) {
        for (String name : record.getParser().getHeaderNames()) {
            if (name.equalsIgnoreCase(column)) {
                return record.get(name).strip();
            }
        }
        return "";
    }

    private SignedInUser requireManageUsers() {
        return currentUser.requireAuthority(
                Authorities.MANAGE_USERS, "Importing accounts needs the Manage Users authority");
    }
}
