package com.kam.pipeline.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reps who spent only part of a week in a team, from the rep-days the rollup counted
 * (rollup_rep_day, with the team of each day). A team's WEEK total holds a mover's days in the
 * team only, while the rep's WEEK row is the whole week, in the team of its last day: the weekly
 * report lists a mover in every team of the week, marks the row and says how the days split, so
 * the rows can be reconciled with the total without recomputing either.
 */
final class WeekMoves {

    /** The reps with a day in the team: three parameters, the week's first and last day and the team. */
    static final String REPS_WITH_DAYS_IN_TEAM =
            "SELECT rep_id FROM rollup_rep_day WHERE work_date BETWEEN ? AND ? AND team_code = ?";

    private WeekMoves() {
    }

    /** A rep's days of the week in the team and elsewhere, with the other teams' names in the order the rep was there. */
    static final class Move {
        private int daysHere;
        private int daysElsewhere;
        private final List<String> otherTeams = new ArrayList<>();

        /** The footnote's figures, for the rep's row named as the row shows it. */
        Map<String, ?> footnote(Map<String, ?> rep) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rep_id", rep.get("rep_id"));
            out.put("rep_name", rep.get("rep_name"));
            out.put("days_here", daysHere);
            out.put("days_elsewhere", daysElsewhere);
            out.put("other_teams", otherTeams);
            return out;
        }
    }

    /** The movers among the reps with a day of the week in the team, by rep id. */
    static Map<String, Move> in(JdbcTemplate jdbc, ReportPeriod week, String team) {
        Map<String, Move> moves = new HashMap<>();
        jdbc.query("SELECT d.rep_id, d.team_code, COUNT(*) AS days,"
                + " (SELECT MAX(o.team_name) FROM org_assignment o WHERE o.team_code = d.team_code) AS team_name"
                + " FROM rollup_rep_day d WHERE d.work_date BETWEEN ? AND ? AND d.rep_id IN (" + REPS_WITH_DAYS_IN_TEAM + ")"
                + " GROUP BY d.rep_id, d.team_code ORDER BY d.rep_id, MIN(d.work_date)", rs -> {
                    Move move = moves.computeIfAbsent(rs.getString("rep_id"), rep -> new Move());
                    String dayTeam = rs.getString("team_code");
                    if (team.equals(dayTeam)) {
                        move.daysHere += rs.getInt("days");
                    } else {
                        move.daysElsewhere += rs.getInt("days");
                        // days without a team count elsewhere, unnamed (the template says "no team" when none is named)
                        if (dayTeam != null) {
                            String name = rs.getString("team_name");
                            move.otherTeams.add(name == null ? dayTeam : name);
                        }
                    }
                }, week.start(), week.end(), week.start(), week.end(), team);
        moves.values().removeIf(move -> move.daysElsewhere == 0);
        return moves;
    }
}
