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
     * A customer's classes, its position among all customers (for compact sets of customers), and
     * the visits its class asks for per period type (by ordinal; null where it asks for none).
     */
    record CustomerClasses(int index, String customerClass, String abcClass, String segment, Integer[] requiredVisits) {
    }

    private final Map<String, CustomerClasses> customers = new HashMap<>();
    private final java.util.List<CustomerClasses> byIndex = new java.util.ArrayList<>();
    private final Map<String, Integer> reps = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    static RollupReferences load(JdbcTemplate jdbc) {
        RollupReferences references = new RollupReferences();
        Map<String, Integer> requiredVisits = new HashMap<>();
        jdbc.query("SELECT abc_class, period_type, required_visits FROM visit_frequency", rs -> {
            requiredVisits.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
        });
        jdbc.query("SELECT customer_id, customer_class, abc_class, segment FROM customer", rs -> {
            Integer[] required = new Integer[PeriodType.values().length];
            for (PeriodType type : PeriodType.values()) {
                required[type.ordinal()] = requiredVisits.get(rs.getString(3) + "/" + type.name());
            }
            CustomerClasses classes = new CustomerClasses(references.byIndex.size(), rs.getString(2), rs.getString(3),
                    rs.getString(4), required);
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

    /** Visits a class asks for in a period of this type; null when it asks for none. */
    Integer requiredVisits(int customerIndex, PeriodType type) {
        return byIndex.get(customerIndex).requiredVisits()[type.ordinal()];
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
