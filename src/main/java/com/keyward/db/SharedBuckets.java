package com.keyward.db;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import io.github.bucket4j.mysql.MySQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Bucket4j's buckets kept in the {@code throttle_bucket} table (row lock per bucket), so that every
 * node takes from the same buckets. A bucket's row expires once it would be full again; one node
 * at a time deletes expired rows.
 */
@Configuration(proxyBeanMethods = false)
public class SharedBuckets {

    @Bean
    MySQLSelectForUpdateBasedProxyManager<String> throttleBuckets(DataSource dataSource) {
        return Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("throttle_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Bean
    ExpiredBuckets expiredBuckets(MySQLSelectForUpdateBasedProxyManager<String> buckets) {
        return new ExpiredBuckets(buckets);
    }

    /** Deletes the rows of buckets that are full again (they would be recreated full anyway). */
    static class ExpiredBuckets {

        private final MySQLSelectForUpdateBasedProxyManager<String> buckets;

        ExpiredBuckets(MySQLSelectForUpdateBasedProxyManager<String> buckets) {
            this.buckets = buckets;
        }

        @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
        @SchedulerLock(name = "throttle-bucket-sweep", lockAtMostFor = "PT5M")
        void sweep() {
            while (buckets.removeExpired(1000) == 1000) {
                // another full batch may follow
            }
        }
    }
}
