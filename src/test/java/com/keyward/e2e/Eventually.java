package com.keyward.e2e;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition the test can observe, checking every 200 ms, instead of sleeping a fixed time. */
final class Eventually {

    private Eventually() {}

    /** The first value {@code read} gives that {@code holds}; fails with the last value after {@code within}. */
    static <T> T value(Duration within, Callable<T> read, Holds<T> holds, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        T last = read.call();
        while (!holds.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + within + "; last seen: " + last);
            }
            Thread.sleep(200);
            last = read.call();
        }
        return last;
    }

    /** A condition on the value read, which may read more itself. */
    @FunctionalInterface
    interface Holds<T> {
        boolean test(T value) throws Exception;
    }
}
