package com.kam.pipeline.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random numbers. Each stream is derived from the seed plus a few keys (what it is
 * for, the rep, the day), so a rep's day comes out the same whatever else is generated and in
 * whichever order; nothing depends on the clock.
 */
final class Rng {

    private final SplittableRandom random;

    Rng(long seed, long... keys) {
        long state = mix(seed);
        for (long key : keys) {
            state = mix(state ^ mix(key + 0x9E3779B97F4A7C15L));
        }
        random = new SplittableRandom(state);
    }

    /** SplitMix64 finaliser: spreads similar inputs (rep 1, rep 2) over unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An int in [lo, hi], both inclusive. */
    int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    double uniform(double lo, double hi) {
        return lo + random.nextDouble() * (hi - lo);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Spread evenly on a log scale: as many small amounts between 5k and 50k as between 50k and 500k. */
    double logUniform(double lo, double hi) {
        return Math.exp(uniform(Math.log(lo), Math.log(hi)));
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    /** The index of a weight, chosen with probability proportional to the weight. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Number of successes in n trials of probability p. */
    int binomial(int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (chance(p)) {
                k++;
            }
        }
        return k;
    }
}
