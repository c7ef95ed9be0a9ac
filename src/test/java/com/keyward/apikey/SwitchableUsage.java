package com.keyward.apikey;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.BeanFactory;

/** Usage counting that a benchmark can switch off, to measure what it costs; on unless switched. */
public class SwitchableUsage extends ApiKeyUsageRecorder {

    private volatile boolean counting = true;

    SwitchableUsage(ApiKeyRepository keys, Clock clock) {
        super(keys, clock);
    }

    /** One on the application's key repository, to declare as the primary usage recorder. */
    public static SwitchableUsage of(BeanFactory beans) {
        return new SwitchableUsage(beans.getBean(ApiKeyRepository.class), beans.getBean(Clock.class));
    }

    public void counting(boolean on) {
        counting = on;
    }

    @Override
    public void record(long keyId, Instant at, String address) {
        if (counting) {
            super.record(keyId, at, address);
        }
    }
}
