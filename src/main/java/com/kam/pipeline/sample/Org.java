package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * The generated organisation: every row of the org extract (with history) and the reps whose
 * activity is simulated. {@code leaver} hands accounts and open deals to {@code heir}; either
 * may be null for a company too small to show that history.
 */
record Org(List<Row> rows, List<Rep> reps, Rep leaver, Rep heir, Rep moved, LocalDate moveDate) {

    static final List<String> HEADER = List.of("employee_id", "name", "role", "email", "language", "manager_id",
            "team_code", "team_name", "region_code", "region_name", "valid_from", "valid_to");

    /** One row of org.csv: one person in one assignment. */
    record Row(String employeeId, String name, String role, String email, String language, String managerId,
            String teamCode, String teamName, String regionCode, String regionName, LocalDate validFrom,
            LocalDate validTo) {

        List<String> cells() {
            return List.of(employeeId, name, role, email, language, managerId, teamCode, teamName, regionCode,
                    regionName, Fmt.date(validFrom), Fmt.date(validTo));
        }
    }

    /** A sales rep: where they sell and the days they work for the company ({@code to} null = still here). */
    record Rep(int index, String id, String name, Places.Region region, Places.City city, LocalDate from,
            LocalDate to) {

        boolean activeOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** An employee id that nobody in the company has, for the "unknown rep" bad rows. */
    String unknownRepId() {
        return String.format("E%05d", Math.max(99_999, rows.size() + 10_000));
    }
}
