package com.keyward.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Keyward nodes, each with its own throttle objects, share one database: together they allow
 * what one node allows (before, each node counted alone: 2 nodes allowed twice the failures).
 */
@KeywardTest
class SharedThrottleTest {

    @Autowired
    DataSource dataSource;

    @Test
    void twoNodesTogetherAllowWhatOneNodeAllows() {
        Throttle nodeA = throttleOfANode();
        Throttle nodeB = throttleOfANode();
        String address = "10.9.8." + (int) (Math.random() * 200);

        int allowed = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            if ((attempt % 2 == 0 ? nodeA : nodeB).take(address) == 0) {
                allowed++;
            }
        }

        assertThat(allowed).isEqualTo(5);
        assertThat(nodeB.take(address)).isPositive();
        assertThat(nodeA.take("another address " + UUID.randomUUID())).isZero();
    }

    @Test
    void whatWasTypedIsNotStoredOnlyItsDigest() {
        String typed = "probably-a-password-" + UUID.randomUUID();
        throttleOfANode().take(typed);

        Integer rows = new JdbcTemplate(dataSource)
                .queryForObject(
                        "SELECT COUNT(*) FROM throttle_bucket WHERE id LIKE ? OR state LIKE ?",
                        Integer.class,
                        "%" + typed + "%",
                        "%" + typed + "%");
        assertThat(rows).isZero();
        assertThat(new JdbcTemplate(dataSource).queryForList("SELECT id FROM throttle_bucket", String.class))
                .allMatch(id -> id.matches("[0-9a-f]{64}"));
    }

    /** What each node builds at its start: its own Bucket4j proxy manager over the database. */
    private Throttle throttleOfANode() {
        var buckets = Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .build();
        return new Throttle(buckets, "test-failures", 5, Duration.ofMinutes(1));
    }
}
