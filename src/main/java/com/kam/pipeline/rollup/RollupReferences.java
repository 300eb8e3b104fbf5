package com.kam.pipeline.rollup;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the period figures look up for a run: each customer's classes, the visits each A/B/C
 * class asks for per period, and the names of reps, teams and regions.
 */
final class RollupReferences {

    /**
     * A customer's classes, its position among all customers (for compact sets of customers), the
     * positions of its three classes among all classes ({@link #classSlots()}, in the order customer
     * class, A/B/C class, segment), and the visits its class asks for per period type (by
     * ordinal; {@link #NONE_REQUIRED} where it asks for none).
     */
    record CustomerClasses(int index, String customerClass, String abcClass, String segment, int[] classSlots,
                           int[] requiredVisits) {
    }

    /** In {@link CustomerClasses#requiredVisits}: the class asks for no number of visits in such a period. */
    static final int NONE_REQUIRED = -1;

    private final Map<String, CustomerClasses> customers = new HashMap<>();
    private final java.util.List<CustomerClasses> byIndex = new java.util.ArrayList<>();
    private final Map<String, Integer> reps = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Integer> classSlots = new HashMap<>();

    static RollupReferences load(JdbcTemplate jdbc) {
        RollupReferences references = new RollupReferences();
        Map<String, int[]> requiredVisits = new HashMap<>();
        jdbc.query("SELECT abc_class, period_type, required_visits FROM visit_frequency", rs -> {
            int[] required = requiredVisits.computeIfAbsent(rs.getString(1), abc -> noneRequired());
            required[PeriodType.valueOf(rs.getString(2)).ordinal()] = rs.getInt(3);
        });
        int[] noneRequired = noneRequired();
        jdbc.query("SELECT customer_id, customer_class, abc_class, segment FROM customer", rs -> {
            String customerClass = rs.getString(2);
            String abcClass = rs.getString(3);
            String segment = rs.getString(4);
            int[] slots = {references.slot(EntityLevel.CUSTOMER_CLASS, customerClass),
                    references.slot(EntityLevel.ABC_CLASS, abcClass), references.slot(EntityLevel.SEGMENT, segment)};
            CustomerClasses classes = new CustomerClasses(references.byIndex.size(), customerClass, abcClass, segment, slots,
                    abcClass == null ? noneRequired : requiredVisits.getOrDefault(abcClass, noneRequired));
            references.customers.put(rs.getString(1), classes);
            references.byIndex.add(classes);
        });
        jdbc.query("SELECT DISTINCT employee_id FROM org_assignment", rs -> {
            references.reps.putIfAbsent(rs.getString(1), references.reps.size());
        });
        jdbc.query("SELECT entity_type, entity_id, entity_name FROM org_entity", rs -> {
            references.names.put(rs.getString(1) + "/" + rs.getString(2), rs.getString(3));
        });
        return references;
    }

    /** Null for a customer not in the customer master. */
    CustomerClasses customer(String customerId) {
        return customers.get(customerId);
    }

    /** Visits a customer's class asks for in a period of this type; {@link #NONE_REQUIRED} when it asks for none. */
    int requiredVisits(int customerIndex, PeriodType type) {
        return byIndex.get(customerIndex).requiredVisits()[type.ordinal()];
    }

    /** How many classes (of all three kinds) the customers have: the positions {@link CustomerClasses#classSlots} go up to. */
    int classSlots() {
        return classSlots.size();
    }

    int customerCount() {
        return byIndex.size();
    }

    int repCount() {
        return reps.size();
    }

    private int slot(EntityLevel level, String id) {
        return classSlots.computeIfAbsent(level.name() + "/" + id, key -> classSlots.size());
    }

    private static int[] noneRequired() {
        int[] required = new int[PeriodType.values().length];
        java.util.Arrays.fill(required, NONE_REQUIRED);
        return required;
    }

    /** A rep's position among everyone in the organisation (for compact sets of reps). */
    int repIndex(String repId) {
        Integer index = reps.get(repId);
        if (index == null) {
            throw new IllegalStateException("rep " + repId + " is not in org_assignment");
        }
        return index;
    }

    /** The name of a rep, team or region; null for the company. */
    String name(EntityLevel level, String id) {
        return names.get(level.name() + "/" + id);
    }
}
