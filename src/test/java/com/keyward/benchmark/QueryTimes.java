package com.keyward.benchmark;

import java.util.Arrays;
import java.util.function.LongSupplier;

/** Timing database queries for the grid benchmarks: the median of many runs after a warm-up, printed as rows. */
public final class QueryTimes {

    /** What the queries returned, summed: kept, so that no result goes unused. */
    private static long results;

    private QueryTimes() {}

    /** Milliseconds: the median of {@code runs} runs after {@code warmup} unmeasured ones. */
    public static double median(LongSupplier query, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            results += query.getAsLong();
        }
        double[] times = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            results += query.getAsLong();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /** One line of the printed table: the time and its ratio to the baseline (the first page). */
    public static void row(String what, double millis, double baseline) {
        System.out.printf("  %-56s %9.3f ms  %7.2fx first page%n", what, millis, millis / baseline);
    }
}
