package com.keyward.db;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
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

    /** Every answered statement tells the monitor that the database is there (a volatile write). */
    @Bean
    ExecuteListenerProvider databaseAnswers(DatabaseMonitor monitor) {
        return new DefaultExecuteListenerProvider(new ExecuteListener() {
            @Override
            public void executeEnd(ExecuteContext context) {
                // jOOQ ends a statement that failed too (a read that timed out on a frozen server)
                if (context.sqlException() == null && context.exception() == null) {
                    monitor.answered();
                }
            }
        });
    }
}
