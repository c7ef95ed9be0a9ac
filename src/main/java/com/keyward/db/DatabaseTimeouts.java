package com.keyward.db;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the pool's short socket timeout must not reach. */
@Configuration
class DatabaseTimeouts {

    /**
     * Flyway migrates over connections of its own, without the pool's socket timeout: a
     * migration's ALTER TABLE on a large table may rightly take minutes.
     */
    @Bean
    FlywayConfigurationCustomizer migrationsWithoutTheRequestBound(DataSourceProperties database) {
        return configuration -> configuration.dataSource(
                database.determineUrl(), database.determineUsername(), database.determinePassword());
    }
}
