package com.kam.pipeline.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A span of days a rep was assigned, as a rep, to a team and region ({@code to} null: still is). */
record RepAssignment(String rep, String team, String region, LocalDate from, LocalDate to) {

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    /** Whether the rep was assigned on some day of {@code first..last}. */
    boolean overlaps(LocalDate first, LocalDate last) {
        return !from.isAfter(last) && (to == null || !to.isBefore(first));
    }

    /** The working days ({@code working}) of {@code from..to} each rep is assigned, by rep. */
    static Map<String, Integer> workingDays(List<RepAssignment> assignments, LocalDate from, LocalDate to,
                                            Predicate<LocalDate> working) {
        Map<String, Integer> days = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (working.test(day)) {
                for (RepAssignment a : assignments) {
                    if (a.covers(day)) {
                        days.merge(a.rep(), 1, Integer::sum);
                    }
                }
            }
        }
        return days;
    }

    /** Every rep assignment, by rep and start. */
    static List<RepAssignment> all(JdbcTemplate jdbc) {
        List<RepAssignment> assignments = new ArrayList<>();
        jdbc.query("SELECT employee_id, team_code, region_code, valid_from, valid_to FROM org_assignment WHERE role = 'REP'"
                + " ORDER BY employee_id, valid_from", rs -> {
            assignments.add(new RepAssignment(rs.getString(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
        });
        return assignments;
    }
}
