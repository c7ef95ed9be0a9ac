package com.keyward.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.TestAccounts;
import com.unboundid.ldap.sdk.Entry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

/** The scheduled sync: one instance at a time, and fast enough for a large directory. */
@KeywardTest
class DirectorySyncTest {

    @Autowired
    DirectorySync sync;

    @Autowired
    EmbeddedDirectory directory;

    @Autowired
    com.keyward.user.ExternalAccounts accounts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    TestAccounts testAccounts;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void twoInstancesStartingTheScheduledSyncAtOnceRunItOnce() throws Exception {
        double before = runs();
        // two callers at the same moment, as two Keyward instances' schedulers would be: the
        // ShedLock row in the shared database lets one through
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(instances.submit(() -> {
                start.await();
                sync.scheduled();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> one : both) {
            one.get();
        }
        instances.shutdown();
        assertThat(runs() - before).isEqualTo(1);
        // and within the interval (here: the lock's least hold) nobody runs it again
        sync.scheduled();
        assertThat(runs() - before).isEqualTo(1);
        assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM shedlock WHERE name = 'directory-sync'")
                        .get(0, Long.class))
                .isEqualTo(1L);
    }

    @Test
    void syncingThousandsOfDirectoryPeopleDisablesExactlyThoseWhoLeft() throws Exception {
        int people = Integer.getInteger("keyward.benchmark.directory-users", 2_000);
        for (int i = 0; i < people; i++) {
            directory
                    .server()
                    .add(new Entry(
                            "dn: uid=bulk" + i + ",ou=people,dc=corp",
                            "objectClass: inetOrgPerson",
                            "objectClass: user",
                            "uid: bulk" + i,
                            "cn: Bulk Person " + i,
                            "sn: Person",
                            "mail: bulk" + i + "@corp.example",
                            "userAccountControl: 512"));
            accounts.present(
                    com.keyward.user.AccountSource.DIRECTORY,
                    new com.keyward.user.ExternalPerson(
                            com.keyward.user.ExternalAccounts.DIRECTORY_ISSUER,
                            // bound to the entry, as a sign-in would bind it
                            "entryUUID:"
                                    + directory
                                            .server()
                                            .getEntry("uid=bulk" + i + ",ou=people,dc=corp", "entryUUID")
                                            .getAttributeValue("entryUUID"),
                            "bulk" + i,
                            "Bulk Person " + i,
                            "bulk" + i + "@corp.example",
                            java.util.Set.of()));
        }
        // a tenth of them leave
        for (int i = 0; i < people; i += 10) {
            directory.server().delete("uid=bulk" + i + ",ou=people,dc=corp");
        }
        testAccounts.signInAs("admin");
        long started = System.nanoTime();
        com.keyward.user.DirectorySyncs.Result result = sync.syncAllNow();
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(
                "Directory sync of %d directory accounts: %d ms (%d no longer in the directory)%n",
                result.checked(), millis, result.absent());
        assertThat(result.checked()).isGreaterThanOrEqualTo(people);
        assertThat(result.absent()).isGreaterThanOrEqualTo(people / 10);
        assertThat(dsl.fetchSingle("SELECT COUNT(*) FROM app_user WHERE username LIKE 'bulk%' AND status = "
                                + "'DIRECTORY_DISABLED'")
                        .get(0, Long.class))
                .isEqualTo((long) people / 10);
    }

    private double runs() {
        return meters.get("keyward.directory.sync.runs").counter().count();
    }
}
