package com.keyward.ops;

import com.keyward.db.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * A scheduled job (lock sweep, reminders, usage flush…) that fails because the database is away
 * says so in one line per run, not a stack trace every 15 seconds; any other failure keeps its
 * stack trace.
 */
@Component
class ScheduledJobFailures implements ThreadPoolTaskSchedulerCustomizer {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJobFailures.class);

    @Override
    public void customize(ThreadPoolTaskScheduler scheduler) {
        scheduler.setErrorHandler(handler());
    }

    static ErrorHandler handler() {
        return failure -> {
            if (DatabaseOutage.causes(failure)) {
                log.warn("A scheduled job could not run, the database is away: {}", failure.toString());
            } else {
                log.error("A scheduled job failed", failure);
            }
        };
    }
}
