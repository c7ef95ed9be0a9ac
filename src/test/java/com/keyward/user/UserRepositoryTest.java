package com.keyward.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Paging, sorting and filtering of the User Management grid on the real MariaDB. */
@KeywardTest
class UserRepositoryTest {

    @Autowired
    UserRepository users;

    @ParameterizedTest
    @EnumSource(UserSort.class)
    void pagesInEitherDirectionTileTheWholeResultWithoutGapsOrDuplicatesDespiteTies(UserSort sort) {
        for (boolean ascending : new boolean[] {true, false}) {
            long total = users.count(UserFilter.NONE);
            List<UserRow> all = users.findPage(UserFilter.NONE, sort, ascending, 0, (int) total, total);
            assertThat(all).hasSize((int) total);

            // pages of 7 cross the middle, where reading switches to the other end of the index
            List<UserRow> paged = new ArrayList<>();
            for (int offset = 0; offset < total; offset += 7) {
                paged.addAll(users.findPage(UserFilter.NONE, sort, ascending, offset, 7, total));
            }
            assertThat(paged)
                    .extracting(UserRow::id)
                    .containsExactlyElementsOf(all.stream().map(UserRow::id).toList());
            assertThat(paged.stream().map(UserRow::id).collect(Collectors.toSet()))
                    .hasSize((int) total);
        }
    }

    @Test
    void namesThatTieAreOrderedByIdSoPagesAreStable() {
        long total = users.count(UserFilter.NONE);
        List<UserRow> byName = users.findPage(UserFilter.NONE, UserSort.NAME, true, 0, (int) total, total);
        boolean sawTie = false;
        for (int i = 1; i < byName.size(); i++) {
            if (byName.get(i).displayName().equals(byName.get(i - 1).displayName())) {
                sawTie = true;
                assertThat(byName.get(i).id()).isGreaterThan(byName.get(i - 1).id());
            }
        }
        assertThat(sawTie).as("the demo data has repeated names").isTrue();
    }

    @Test
    void theLastPageHoldsTheLastUsernames() {
        long total = users.count(UserFilter.NONE);
        List<UserRow> last = users.findPage(UserFilter.NONE, UserSort.USERNAME, true, (int) total - 3, 50, total);
        assertThat(last).hasSize(3);
        List<UserRow> descending = users.findPage(UserFilter.NONE, UserSort.USERNAME, false, 0, 3, total);
        assertThat(last)
                .extracting(UserRow::username)
                .containsExactlyElementsOf(
                        descending.reversed().stream().map(UserRow::username).toList());
    }

    @Test
    void theTextFilterIsCaseAndAccentInsensitiveOverUsernameNameAndEmail() {
        assertThat(names(new UserFilter("DANA", null))).contains("Dana Developer");
        assertThat(names(new UserFilter("zoe", null))).isNotEmpty().allMatch(name -> name.startsWith("Zoë"));
        assertThat(names(new UserFilter("øyv", null))).isNotEmpty().allMatch(name -> name.startsWith("Øyvind"));
        assertThat(names(new UserFilter("sam@keyward", null))).containsExactly("Sam Support");
    }

    @Test
    void wildcardsInTheFilterAreTakenLiterally() {
        assertThat(users.count(new UserFilter("user_", null))).isZero();
        assertThat(users.count(new UserFilter("%", null))).isZero();
        assertThat(users.count(new UserFilter("user", null))).isGreaterThan(100);
    }

    @Test
    void theStatusFilterCombinesWithTheText() {
        assertThat(names(new UserFilter("olga", UserStatus.DISABLED))).containsExactly("Olga Offboarded");
        assertThat(names(new UserFilter("olga", UserStatus.ENABLED))).isEmpty();
        long locked = users.count(new UserFilter(null, UserStatus.LOCKED));
        assertThat(users.findPage(new UserFilter(null, UserStatus.LOCKED), UserSort.USERNAME, true, 0, 1000, locked))
                .isNotEmpty()
                .allMatch(row -> row.status() == UserStatus.LOCKED);
    }

    @Test
    void leaversAreFoundBySourceAndBySignInsLongAgo() {
        String recent = "recent-" + System.nanoTime();
        long id = users.insert(
                new NewUser(recent, "Recent Person", recent + "@example.com", UserStatus.ENABLED, null, null),
                java.time.Instant.now());
        users.recordSuccessfulSignIn(id, java.time.Instant.now());
        java.time.Instant weekAgo = java.time.Instant.now().minus(java.time.Duration.ofDays(7));

        assertThat(names(new UserFilter(recent, null, AccountSource.LOCAL, null)))
                .containsExactly("Recent Person");
        assertThat(names(new UserFilter(recent, null, AccountSource.SSO, null))).isEmpty();
        // signed in just now: not among those idle for a week; olga never signed in: she is
        assertThat(names(new UserFilter(recent, null, null, weekAgo))).isEmpty();
        assertThat(names(new UserFilter("olga", null, null, weekAgo))).containsExactly("Olga Offboarded");
    }

    @Test
    void rowsCarryTheirRoles() {
        long total = users.count(new UserFilter("dana", null));
        assertThat(users.findPage(new UserFilter("dana", null), UserSort.USERNAME, true, 0, 10, total))
                .extracting(UserRow::roles)
                .containsExactly("API Integrator");
    }

    private Set<String> names(UserFilter filter) {
        long total = users.count(filter);
        return users.findPage(filter, UserSort.USERNAME, true, 0, 1000, total).stream()
                .map(UserRow::displayName)
                .collect(Collectors.toSet());
    }
}
