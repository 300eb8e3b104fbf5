package com.kam.pipeline.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * About ten customers per rep, in the rep's region and mostly in the rep's city. The first
 * customers are forced into each of the nine cells R1..A3, some exactly on the class boundaries
 * (share 30% and 10%, potential 1,000,000 and 500,000), so every cell and edge is exercised.
 */
final class CustomerGenerator {

    private static final long STREAM = 2;
    /** Prospects are drawn from a stream of their own, so that the other customer fields stay as they were. */
    private static final long PROSPECT_STREAM = 6;
    /** The share of customers who are prospects: they first order on a day within the period. */
    private static final double PROSPECTS = 0.35;
    private static final String[] SEGMENTS = {"党政机关", "大型企业", "金融", "教育医疗", "中小企业"};
    private static final double[] SEGMENT_WEIGHTS = {0.2, 0.25, 0.15, 0.2, 0.2};
    /** Potential class 1/2/3 weights per segment: small businesses are mostly class 3. */
    private static final double[][] POTENTIAL_WEIGHTS = {{0.35, 0.35, 0.3}, {0.55, 0.3, 0.15}, {0.5, 0.3, 0.2},
            {0.3, 0.4, 0.3}, {0.1, 0.3, 0.6}};
    /** {share basis points, potential yuan, written grouped} for customers 0..12; later ones are drawn at random. */
    private static final long[][] FORCED = {
            {3000, 1_000_000, 0}, {4500, 750_000, 0}, {3800, 260_000, 0},   // R1 (both boundaries), R2, R3
            {2000, 2_400_000, 0}, {1000, 500_000, 0}, {1500, 120_000, 0},   // D1, D2 (both boundaries), D3
            {500, 1_600_000, 0}, {800, 900_000, 0}, {300, 90_000, 0},       // A1, A2, A3
            {3000, 1_000_000, 1}, {1000, 500_000, 1},                        // the same boundaries, other spelling
            {999, 499_999, 0}, {2999, 999_999, 0}};                          // just below both boundaries

    private final GeneratorOptions options;
    private final Org org;
    private final CustomerNames names = new CustomerNames();

    CustomerGenerator(GeneratorOptions options, Org org) {
        this.options = options;
        this.org = org;
    }

    Customers generate() {
        Rng rng = new Rng(options.seed(), STREAM);
        List<Customers.Customer> all = new ArrayList<>();
        Map<Integer, List<Customers.Customer>> visited = new HashMap<>();
        for (Org.Rep rep : org.reps()) {
            boolean leaver = rep.equals(org.leaver());
            String owner = leaver && org.heir() != null ? org.heir().id() : rep.id();
            int count = rep.equals(org.heir()) ? rng.between(2, 4) : rng.between(8, 12);
            List<Customers.Customer> own = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Customers.Customer customer = customer(rng, all.size(), rep, owner);
                all.add(customer);
                own.add(customer);
            }
            visited.computeIfAbsent(rep.index(), k -> new ArrayList<>()).addAll(own);
            if (leaver && org.heir() != null) {
                visited.computeIfAbsent(org.heir().index(), k -> new ArrayList<>()).addAll(own);
            }
        }
        visited.replaceAll((k, v) -> List.copyOf(v));
        return new Customers(List.copyOf(all), Map.copyOf(visited));
    }

    private Customers.Customer customer(Rng rng, int number, Org.Rep rep, String ownerId) {
        int segmentIndex = rng.weighted(SEGMENT_WEIGHTS);
        String segment = SEGMENTS[segmentIndex];
        Places.City city = rng.chance(0.7) ? rep.city() : rng.pick(rep.region().cities());
        long potential;
        int shareBp;
        boolean grouped;
        if (number < FORCED.length) {
            shareBp = (int) FORCED[number][0];
            potential = FORCED[number][1];
            grouped = FORCED[number][2] == 1;
        } else {
            shareBp = switch (rng.weighted(0.3, 0.4, 0.3)) {
                case 0 -> rng.between(3000, 7000);
                case 1 -> rng.between(1000, 2999);
                default -> rng.between(50, 999);
            };
            potential = switch (rng.weighted(POTENTIAL_WEIGHTS[segmentIndex])) {
                case 0 -> roundTo(rng.logUniform(1_000_000, 8_000_000), 10_000);
                case 1 -> roundTo(rng.uniform(500_000, 990_000), 10_000);
                default -> roundTo(rng.logUniform(80_000, 490_000), 10_000);
            };
            grouped = rng.chance(0.2);
        }
        String shareText = rng.chance(0.5)
                ? BigDecimal.valueOf(shareBp, 2).stripTrailingZeros().toPlainString() + "%"
                : BigDecimal.valueOf(shareBp, 4).stripTrailingZeros().toPlainString();
        if (number == 4) {
            shareText = "0.10";   // exactly 10%, spelt the way Excel users often leave it
        }
        return new Customers.Customer(String.format("C%06d", number + 1), names.next(rng, segment, city), segment,
                rep.region().code(), city, potential, shareBp, Fmt.money(potential * 100, grouped), shareText,
                ownerId, ordersFrom(number));
    }

    /**
     * The day a prospect first orders, from two weeks into the period to its end, or null for a
     * customer ordering from the start: without prospects every customer orders in the first
     * month, and no one wins a new customer after it.
     */
    private LocalDate ordersFrom(int number) {
        Rng rng = new Rng(options.seed(), PROSPECT_STREAM, number);
        LocalDate first = options.start().plusDays(14);
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, options.end());
        if (days <= 0 || !rng.chance(PROSPECTS)) {
            return null;
        }
        return first.plusDays(rng.between(0, (int) days));
    }

    private static long roundTo(double value, long step) {
        return Math.round(value / step) * step;
    }
}
