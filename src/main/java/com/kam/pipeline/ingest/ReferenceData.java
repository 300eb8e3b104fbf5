package com.kam.pipeline.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** The people, customers and opportunities already loaded, to check the rows that name them. */
final class ReferenceData {

    private record Assignment(LocalDate from, LocalDate to) {
        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || !date.isAfter(to));
        }

        boolean overlaps(LocalDate first, LocalDate last) {
            return !last.isBefore(from) && (to == null || !first.isAfter(to));
        }
    }

    private final Map<String, List<Assignment>> people = new HashMap<>();
    private final Set<String> customers = new HashSet<>();
    private final Set<String> opportunities = new HashSet<>();

    static ReferenceData load(JdbcTemplate jdbc, InputKind forKind) {
        ReferenceData data = new ReferenceData();
        jdbc.query("SELECT employee_id, valid_from, valid_to FROM org_assignment", rs -> {
            java.sql.Date to = rs.getDate(3);
            data.people.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new Assignment(rs.getDate(2).toLocalDate(), to == null ? null : to.toLocalDate()));
        });
        jdbc.query("SELECT customer_id FROM customer", rs -> {
            data.customers.add(rs.getString(1));
        });
        if (forKind == InputKind.STAGE_CHANGE) {
            // (each deal's first snapshot row is a version: the same ids, from far fewer rows than every snapshot's)
            jdbc.query("SELECT DISTINCT opportunity_id FROM opportunity_version", rs -> {
                data.opportunities.add(rs.getString(1));
            });
        }
        return data;
    }

    boolean isPerson(String employeeId) {
        return people.containsKey(employeeId);
    }

    boolean isActive(String employeeId, LocalDate date) {
        return people.getOrDefault(employeeId, List.of()).stream().anyMatch(a -> a.covers(date));
    }

    boolean isActiveBetween(String employeeId, LocalDate first, LocalDate last) {
        return people.getOrDefault(employeeId, List.of()).stream().anyMatch(a -> a.overlaps(first, last));
    }

    boolean isCustomer(String customerId) {
        return customers.contains(customerId);
    }

    boolean isOpportunity(String opportunityId) {
        return opportunities.contains(opportunityId);
    }
}
