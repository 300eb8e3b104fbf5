package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly rep appraisal (销售代表月度考核表), from the reps' MONTH rollup rows: each item's
 * attainment capped, its points (the weight rescaled over the items that count), the score,
 * the grade and the rank within the team (ties share a rank: 1, 1, 3).
 */
class Appraisals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;

    Appraisals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Rewrites the appraisals of the month that starts on {@code month}; returns how many reps were appraised. */
    int write(LocalDate month, AppraisalSettings settings, Timestamp now) {
        Date m = Date.valueOf(month);
        List<Scored> scored = new ArrayList<>(jdbc.query("SELECT * FROM rollup WHERE period_type = 'MONTH'"
                + " AND entity_type = 'REP' AND period_start = ? ORDER BY entity_id", (rs, i) -> score(rs, settings), m));
        // a rep with nothing to be measured on (no targets, no visits, no reports due) is not appraised
        scored.removeIf(s -> s.items.stream().allMatch(i -> i.attainment == null));
        rank(scored);
        jdbc.update("DELETE FROM appraisal_item WHERE month_start = ?", m);
        jdbc.update("DELETE FROM appraisal WHERE month_start = ?", m);
        List<Object[]> reps = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        for (Scored s : scored) {
            reps.add(new Object[] {m, s.repId, s.name, s.team, s.region, s.score, settings.gradeOf(s.score), s.rank, s.teamSize, now});
            for (ItemScore i : s.items) {
                items.add(new Object[] {m, s.repId, i.measure, i.actual, i.goal, i.attainment, i.weight, i.points});
            }
        }
        jdbc.batchUpdate("INSERT INTO appraisal (month_start, rep_id, rep_name, team_code, region_code, score, grade,"
                + " rank_in_team, team_size, computed_at) VALUES (?,?,?,?,?,?,?,?,?,?)", reps);
        jdbc.batchUpdate("INSERT INTO appraisal_item (month_start, rep_id, item, actual, goal, attainment, weight, points)"
                + " VALUES (?,?,?,?,?,?,?,?)", items);
        return reps.size();
    }

    private static Scored score(ResultSet rs, AppraisalSettings settings) throws SQLException {
        List<ItemScore> items = new ArrayList<>();
        BigDecimal countedWeight = BigDecimal.ZERO;
        for (AppraisalSettings.Item item : settings.items()) {
            BigDecimal actual;
            BigDecimal goal;
            String[] targeted = AppraisalSettings.TARGETED.get(item.measure());
            if (targeted != null) {
                actual = rs.getBigDecimal(targeted[0]);
                goal = rs.getBigDecimal(targeted[1]);
            } else {
                actual = rs.getBigDecimal(item.measure());
                goal = actual == null ? null : item.goal();
            }
            BigDecimal attainment = Ratio.rate(actual, goal);
            if (attainment != null) {
                attainment = attainment.min(item.cap());
                countedWeight = countedWeight.add(item.weight());
            }
            items.add(new ItemScore(item.measure(), actual, goal, attainment, item.weight()));
        }
        BigDecimal score = BigDecimal.ZERO;
        for (ItemScore i : items) {
            if (i.attainment != null) {
                // weight x attainment, rescaled so that the counted weights make 100
                i.points = Ratio.of(i.weight.multiply(i.attainment).multiply(HUNDRED), countedWeight, Ratio.MONEY_SCALE);
                score = score.add(i.points);
            }
        }
        score = score.min(HUNDRED).setScale(Ratio.MONEY_SCALE, Ratio.ROUNDING);
        return new Scored(rs.getString("entity_id"), rs.getString("entity_name"), rs.getString("team_code"),
                rs.getString("region_code"), score, items);
    }

    /** Competition ranking within each team: equal scores share a rank, the next rank skips. */
    private static void rank(List<Scored> scored) {
        Map<String, List<Scored>> byTeam = new HashMap<>();
        for (Scored s : scored) {
            byTeam.computeIfAbsent(String.valueOf(s.team), t -> new ArrayList<>()).add(s);
        }
        for (List<Scored> team : byTeam.values()) {
            List<BigDecimal> scores = team.stream().map(s -> s.score).toList();
            for (Scored s : team) {
                s.rank = rankOf(s.score, scores);
                s.teamSize = team.size();
            }
        }
    }

    /** 1 + the number of scores above this one: equal scores share a rank and the next rank skips (1, 1, 3). */
    static int rankOf(BigDecimal score, List<BigDecimal> scores) {
        return 1 + (int) scores.stream().filter(o -> o.compareTo(score) > 0).count();
    }

    private static final class Scored {
        final String repId;
        final String name;
        final String team;
        final String region;
        final BigDecimal score;
        final List<ItemScore> items;
        int rank;
        int teamSize;

        Scored(String repId, String name, String team, String region, BigDecimal score, List<ItemScore> items) {
            this.repId = repId;
            this.name = name;
            this.team = team;
            this.region = region;
            this.score = score;
            this.items = items;
        }
    }

    private static final class ItemScore {
        final String measure;
        final BigDecimal actual;
        final BigDecimal goal;
        final BigDecimal attainment;
        final BigDecimal weight;
        BigDecimal points;

        ItemScore(String measure, BigDecimal actual, BigDecimal goal, BigDecimal attainment, BigDecimal weight) {
            this.measure = measure;
            this.actual = actual;
            this.goal = goal;
            this.attainment = attainment;
            this.weight = weight;
        }
    }
}
