package com.kam.pipeline.rollup;

import com.kam.pipeline.system.BulkInsert;
import java.math.BigDecimal;
import java.sql.Date;
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
 * the grade and the rank within the team (ties share a rank: 1, 1, 3). Figures are carried
 * exact ({@link Fraction}) and rounded once, where they are stored.
 */
class Appraisals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;

    Appraisals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Rewrites the appraisals of the month that starts on {@code month}, with the settings
     * {@code monthSettings} gives the month; returns how many reps were appraised.
     */
    int write(LocalDate month, AppraisalMonthSettings monthSettings, Timestamp now) {
        AppraisalSettings settings = monthSettings.forMonth(month, now);
        Date m = Date.valueOf(month);
        List<Scored> scored = new ArrayList<>(jdbc.query("SELECT * FROM " + PeriodRollup.TABLE + " WHERE period_type = 'MONTH'"
                + " AND entity_type = 'REP' AND period_start = ? ORDER BY entity_id", (rs, i) -> new Scored(rs.getString("entity_id"),
                rs.getString("entity_name"), rs.getString("team_code"), rs.getString("region_code"), items(rs::getBigDecimal,
                settings)), m));
        // a rep with nothing to be measured on (no targets, no visits, no reports due) is not appraised
        scored.removeIf(s -> s.items.stream().allMatch(i -> i.attainment == null));
        rank(scored);
        jdbc.update("DELETE FROM appraisal_item WHERE month_start = ?", m);
        jdbc.update("DELETE FROM appraisal WHERE month_start = ?", m);
        List<Object[]> reps = new ArrayList<>();
        List<Object[]> items = new ArrayList<>();
        for (Scored s : scored) {
            reps.add(new Object[] {month, s.repId, s.name, s.team, s.region, s.score, s.pointsTotal, settings.gradeOf(s.score),
                    s.rank, s.teamSize, now.toLocalDateTime().truncatedTo(java.time.temporal.ChronoUnit.MICROS)});
            for (ItemScore i : s.items) {
                // (actual and goal at most 4 decimals, the weight 2, as the columns keep them: appraisal.yml's are as written)
                items.add(new Object[] {month, s.repId, i.measure, i.label, stored(i.actual, Ratio.RATE_SCALE),
                        stored(i.goal, Ratio.RATE_SCALE), i.attainment, stored(i.weight, Ratio.MONEY_SCALE), i.appliedWeight,
                        i.points});
            }
        }
        BulkInsert.insert(jdbc, "appraisal", List.of("month_start", "rep_id", "rep_name", "team_code", "region_code", "score",
                "points_total", "grade", "rank_in_team", "team_size", "computed_at"), reps, row -> row);
        BulkInsert.insert(jdbc, "appraisal_item", List.of("month_start", "rep_id", "item", "label", "actual", "goal",
                "attainment", "weight", "applied_weight", "points"), items, row -> row);
        return reps.size();
    }

    /**
     * A value with at most {@code scale} decimals, rounded by the one rule (half up, as the database
     * rounds one stored with more): the bulk loader fails on a value the database would have to round.
     */
    private static BigDecimal stored(BigDecimal value, int scale) {
        return value == null || value.scale() <= scale ? value : value.setScale(scale, Ratio.ROUNDING);
    }

    /** A rep's MONTH rollup row, column by column. */
    interface MonthRow {
        BigDecimal get(String column) throws SQLException;
    }

    /**
     * The rep's items scored from the rep's MONTH row, and the score. Each item's points are its
     * exact attainment (capped) times its exact rescaled weight, the score is their exact sum (at
     * most 100), and each is rounded once, where it is stored: attainment to 4 decimals, the
     * applied weight, points and score to 2. The shown points may so add up to a cent more or less
     * than the score.
     */
    static ItemScores items(MonthRow row, AppraisalSettings settings) throws SQLException {
        List<ItemScore> items = new ArrayList<>();
        List<Fraction> attainments = new ArrayList<>();
        BigDecimal countedWeight = BigDecimal.ZERO;
        for (AppraisalSettings.Item item : settings.items()) {
            BigDecimal actual;
            BigDecimal goal;
            String[] targeted = AppraisalSettings.TARGETED.get(item.measure());
            if (targeted != null) {
                actual = row.get(targeted[0]);
                goal = row.get(targeted[1]);
            } else {
                actual = row.get(AppraisalSettings.columnOf(item.measure()));
                goal = actual == null ? null : item.goal();
            }
            Fraction attainment = attainment(item.measure(), actual, goal, item.cap());
            if (attainment != null) {
                // below nothing is nothing: growth under last year's scores no points, it takes none away
                attainment = attainment.max(Fraction.ZERO).min(Fraction.whole(item.cap()));
                countedWeight = countedWeight.add(item.weight());
            }
            attainments.add(attainment);
            items.add(new ItemScore(item.measure(), item.label(), actual, goal,
                    attainment == null ? null : attainment.rounded(Ratio.RATE_SCALE), item.weight()));
        }
        Fraction total = Fraction.ZERO;
        for (int k = 0; k < items.size(); k++) {
            ItemScore i = items.get(k);
            Fraction attainment = attainments.get(k);
            if (attainment != null) {
                // the weight rescaled so that the counted weights make 100 (items without a goal are left out)
                Fraction applied = Fraction.of(i.weight.multiply(HUNDRED), countedWeight);
                Fraction points = applied.times(attainment);
                i.appliedWeight = applied.rounded(Ratio.MONEY_SCALE);
                i.points = points.rounded(Ratio.MONEY_SCALE);
                total = total.plus(points);
            }
        }
        return new ItemScores(items, total.min(Fraction.whole(HUNDRED)).rounded(Ratio.MONEY_SCALE),
                total.rounded(Ratio.MONEY_SCALE));
    }

    /**
     * actual / goal, or goal / actual for a measure in days (fewer is better; none at all, resolved
     * the same day, attains the cap), exact; null when there is nothing to measure.
     */
    private static Fraction attainment(String measure, BigDecimal actual, BigDecimal goal, BigDecimal cap) {
        if (!AppraisalSettings.DAYS.contains(measure)) {
            return Fraction.of(actual, goal);
        }
        if (actual == null || goal == null) {
            return null;
        }
        return actual.signum() == 0 ? Fraction.whole(cap) : Fraction.of(goal, actual);
    }

    /** A rep's scored items, the score, and the points' total before the cap of 100. */
    record ItemScores(List<ItemScore> items, BigDecimal score, BigDecimal pointsTotal) {
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
        final BigDecimal pointsTotal;
        final List<ItemScore> items;
        int rank;
        int teamSize;

        Scored(String repId, String name, String team, String region, ItemScores scored) {
            this.repId = repId;
            this.name = name;
            this.team = team;
            this.region = region;
            this.score = scored.score();
            this.pointsTotal = scored.pointsTotal();
            this.items = scored.items();
        }
    }

    static final class ItemScore {
        final String measure;
        final String label;
        final BigDecimal actual;
        final BigDecimal goal;
        final BigDecimal attainment;
        final BigDecimal weight;
        BigDecimal appliedWeight;
        BigDecimal points;

        ItemScore(String measure, String label, BigDecimal actual, BigDecimal goal, BigDecimal attainment, BigDecimal weight) {
            this.measure = measure;
            this.label = label;
            this.actual = actual;
            this.goal = goal;
            this.attainment = attainment;
            this.weight = weight;
        }
    }
}
