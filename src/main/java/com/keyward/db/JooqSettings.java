package com.keyward.db;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class JooqSettings {

    /**
     * jOOQ would wrap GROUP_CONCAT queries in extra SET statements (a multi-statement query the
     * driver rightly refuses); role lists are short, so the server default length is plenty.
     */
    @Bean
    DefaultConfigurationCustomizer keywardJooqSettings() {
        return configuration -> configuration.settings().withRenderGroupConcatMaxLenSessionVariable(false);
    }
}
