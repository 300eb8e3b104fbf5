package com.kam.pipeline.forecast;

import java.util.Arrays;

/** A growable list of ints, for the many day counts a funnel keeps (boxed lists would cost ten times the memory). */
final class IntList {

    private int[] values = new int[8];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    int size() {
        return size;
    }

    /** The values, ascending, in a new array. */
    int[] sorted() {
        int[] s = Arrays.copyOf(values, size);
        Arrays.sort(s);
        return s;
    }

    double mean() {
        if (size == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        int[] s = sorted();
        return size % 2 == 1 ? s[size / 2] : (s[size / 2 - 1] + s[size / 2]) / 2.0;
    }

    /** Nearest-rank percentile (0..1); NaN when empty. */
    double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        int[] s = sorted();
        int rank = (int) Math.ceil(p * size);
        return s[Math.min(size, Math.max(1, rank)) - 1];
    }
}
