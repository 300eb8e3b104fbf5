package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The part of the organisation and customer master data that the stored figures are built from:
 * each customer's classes and segment (the customer-class rows), and each assignment's dates,
 * role, team and region with their names (rep-days, team and region rows, entity names). Kept as
 * the last run saw it ({@code rollup_seen_customer}, {@code rollup_seen_assignment}, V40), so that
 * a master file changing none of it (a new customer, which has no earlier facts since the ingest
 * takes lines only of known customers; an owner; an e-mail address) does not make the next night
 * recompute everything. Compared here rather than by the database, whose default collation
 * would take a case-only change of a segment or name for none.
 */
final class FiguresMasterData {

    private record Customer(String customerClass, String abcClass, String segment) {
    }

    private record Assignment(String employee, LocalDate from, LocalDate to, String name, String role, String team,
                              String teamName, String region, String regionName) {
    }

    private static final String CUSTOMERS = "SELECT customer_id, customer_class, abc_class, segment FROM ";
    private static final String ASSIGNMENTS = "SELECT employee_id, valid_from, valid_to, name, role, team_code, team_name,"
            + " region_code, region_name FROM ";

    private final JdbcTemplate jdbc;

    FiguresMasterData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Why the figures must be recomputed from the master data as it is now: null when the master
     * data changes nothing they are built from since it was last {@link #record recorded}.
     */
    String change() {
        Map<String, Customer> seen = customers("rollup_seen_customer");
        Set<Assignment> seenAssignments = assignments("rollup_seen_assignment");
        if (seen.isEmpty() && seenAssignments.isEmpty()) {
            return "new organisation or customer data";  // not recorded yet (the first run since V40)
        }
        if (!assignments("org_assignment").equals(seenAssignments)) {
            return "new organisation data";
        }
        Map<String, Customer> now = customers("customer");
        List<String> changed = new ArrayList<>();
        seen.forEach((id, classes) -> {
            if (!classes.equals(now.get(id))) {
                changed.add(id);
            }
        });
        if (changed.isEmpty()) {
            return null;
        }
        changed.sort(null);
        return "new customer data: the class or segment of " + changed.size() + " customer(s) changed or they left the"
                + " customer data (" + String.join(", ", changed.subList(0, Math.min(5, changed.size())))
                + (changed.size() > 5 ? ", ..." : "") + ")";
    }

    /** Records the master data as the figures now stand on it. */
    void record() {
        jdbc.update("DELETE FROM rollup_seen_customer");
        jdbc.update("DELETE FROM rollup_seen_assignment");
        List<Object[]> customers = new ArrayList<>();
        customers("customer").forEach((id, c) -> customers.add(new Object[] {id, c.customerClass(), c.abcClass(), c.segment()}));
        BulkInsert.insert(jdbc, "rollup_seen_customer", List.of("customer_id", "customer_class", "abc_class", "segment"),
                customers, row -> row);
        List<Object[]> assignments = new ArrayList<>();
        assignments("org_assignment").forEach(a -> assignments.add(new Object[] {a.employee(), a.from(), a.to(), a.name(),
                a.role(), a.team(), a.teamName(), a.region(), a.regionName()}));
        BulkInsert.insert(jdbc, "rollup_seen_assignment", List.of("employee_id", "valid_from", "valid_to", "name", "role",
                "team_code", "team_name", "region_code", "region_name"), assignments, row -> row);
    }

    private Map<String, Customer> customers(String table) {
        Map<String, Customer> customers = new HashMap<>();
        jdbc.query(CUSTOMERS + table, rs -> {
            customers.put(rs.getString(1), new Customer(rs.getString(2), rs.getString(3), rs.getString(4)));
        });
        return customers;
    }

    private Set<Assignment> assignments(String table) {
        Set<Assignment> assignments = new HashSet<>();
        jdbc.query(ASSIGNMENTS + table, rs -> {
            assignments.add(new Assignment(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                    rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
        });
        return assignments;
    }
}
