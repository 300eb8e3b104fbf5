package com.kam.pipeline.sample;

import java.util.List;
import java.util.Map;

/**
 * The customer master and who visits whom. A leaver's accounts are owned by the heir in the
 * master (it is a current extract), but the leaver still visited them before leaving, so the
 * visit lists are kept per rep.
 */
record Customers(List<Customer> all, Map<Integer, List<Customer>> visitedByRep) {

    static final List<String> HEADER = List.of("customer_id", "name", "segment", "region_code", "annual_potential",
            "share_of_wallet", "owner_id");

    /**
     * One customer. {@code potential} in yuan, {@code shareBp} in basis points (2537 = 25.37%);
     * the texts are how the file writes them (grouped or not, {@code 25%} or {@code 0.25}).
     */
    record Customer(String id, String name, String segment, String regionCode, Places.City city, long potential,
            int shareBp, String potentialText, String shareText, String ownerId, java.time.LocalDate ordersFrom) {

        /**
         * Whether the customer orders on {@code day}: a prospect ({@code ordersFrom} set) is visited
         * but buys nothing before that day, when it becomes a new customer.
         */
        boolean orders(java.time.LocalDate day) {
            return ordersFrom == null || !day.isBefore(ordersFrom);
        }

        /** 1, 2 or 3 by annual potential, as seed 001 classifies. */
        int potentialClass() {
            return potential >= 1_000_000 ? 1 : potential >= 500_000 ? 2 : 3;
        }

        /** R, D or A by share of wallet. */
        char shareClass() {
            return shareBp >= 3000 ? 'R' : shareBp >= 1000 ? 'D' : 'A';
        }

        /** A, B or C by what the customer buys from us, by the ingest's own rule. */
        String abcClass() {
            return com.kam.pipeline.ingest.CustomerClass.abcClass(java.math.BigDecimal.valueOf(shareBp, 4),
                    java.math.BigDecimal.valueOf(potential));
        }

        String cell() {
            return "" + shareClass() + potentialClass();
        }

        List<String> cells() {
            return List.of(id, name, segment, regionCode, potentialText, shareText, ownerId);
        }
    }

    List<Customer> visitedBy(Org.Rep rep) {
        return visitedByRep.getOrDefault(rep.index(), List.of());
    }

    /** A customer id nobody has, for the "unknown customer" bad rows. */
    String unknownCustomerId() {
        return String.format("C%06d", Math.max(999_999, all.size() + 100_000));
    }
}
