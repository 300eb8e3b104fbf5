package com.kam.pipeline.bench;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a generated sales history straight into the database, for the forecast benchmark and
 * tests: the organisation, monthly targets, opportunity snapshots (open deals plus those closed
 * in the last 90 days, as the nightly extract carries them) and the stage-change log.
 * Deals arrive with a yearly season and growth, move through the stages with team-dependent
 * odds, and their owners guess the close date optimistically and push it when it passes, as
 * reps do. Deterministic for a seed.
 */
public final class PipelineHistoryGenerator {

    /** Size and time span of the history. */
    public record Options(int reps, int deals, LocalDate start, LocalDate end, List<LocalDate> snapshotDates, long seed) {
    }

    /** What was written. */
    public record Counts(int deals, int openAtEnd, int closedByEnd, long snapshotRows, long stageChanges) {
    }

    private static final String[] STAGES = {"IDENTIFIED", "CONTACTED", "QUALIFIED", "DEVELOPED", "COMMITTED"};
    private static final double[] ADVANCE = {0.6, 0.6, 0.65, 0.7, 0.75}; // last: committed -> won
    private static final double[] STAGE_DAYS = {35, 40, 45, 40, 35};
    private static final String[] PRODUCTS = {"云服务", "信息安全", "数据中心", "软件许可", "运维服务"};
    private static final double[] PRODUCT_MEDIAN = {150_000, 220_000, 400_000, 90_000, 120_000};
    private static final int VISIBLE_CLOSED_DAYS = 90;
    private static final int BATCH = 5000;

    private record Deal(String id, int owner, int product, BigDecimal amount, LocalDate[] entered, LocalDate closed,
                        boolean won, LocalDate[] guesses) {
        LocalDate created() {
            return entered[0];
        }
    }

    private final JdbcTemplate jdbc;

    public PipelineHistoryGenerator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Counts generate(Options o) {
        Random random = new Random(o.seed());
        int teams = Math.max(1, (o.reps() + 9) / 10);
        double[] teamSkill = new double[teams];
        for (int t = 0; t < teams; t++) {
            teamSkill[t] = 0.75 + 0.5 * random.nextDouble(); // odds of winning a committed deal vary by team
        }
        writeOrg(o, teams);
        List<Deal> deals = deals(o, random, teams, teamSkill);
        writeTargets(o, deals);
        long snapshotRows = 0;
        for (LocalDate s : o.snapshotDates()) {
            snapshotRows += writeSnapshot(s, deals);
        }
        // (what the ingest derives from the snapshots it loads, derived here from those written)
        com.kam.pipeline.ingest.OpportunityVersions.deriveAll(jdbc);
        long changes = writeChanges(o.end(), deals);
        int open = (int) deals.stream().filter(d -> !d.created().isAfter(o.end()) && d.closed().isAfter(o.end())).count();
        int closed = (int) deals.stream().filter(d -> !d.closed().isAfter(o.end())).count();
        return new Counts(deals.size(), open, closed, snapshotRows, changes);
    }

    private List<Deal> deals(Options o, Random random, int teams, double[] teamSkill) {
        long days = o.end().toEpochDay() - o.start().toEpochDay() + 1;
        double[] weight = new double[(int) days];
        double total = 0;
        for (int i = 0; i < days; i++) {
            LocalDate d = o.start().plusDays(i);
            double season = 1 + 0.25 * Math.sin(2 * Math.PI * (d.getDayOfYear() - 120) / 365.0) - (d.getMonthValue() == 2 ? 0.3 : 0);
            double growth = 1 + 0.3 * i / days;
            weight[i] = season * growth;
            total += weight[i];
        }
        List<Deal> deals = new ArrayList<>(o.deals());
        int seq = 0;
        for (int i = 0; i < days; i++) {
            double expected = o.deals() * weight[i] / total;
            int n = (int) expected + (random.nextDouble() < expected - (int) expected ? 1 : 0);
            LocalDate created = o.start().plusDays(i);
            for (int k = 0; k < n; k++) {
                int owner = random.nextInt(o.reps());
                double skill = teamSkill[owner / 10 % teams];
                int product = random.nextInt(PRODUCTS.length);
                double amount = PRODUCT_MEDIAN[product] * Math.exp(0.6 * random.nextGaussian());
                LocalDate[] entered = new LocalDate[STAGES.length];
                entered[0] = created;
                LocalDate t = created;
                boolean won = false;
                LocalDate closed = null;
                for (int s = 0; s < STAGES.length; s++) {
                    t = t.plusDays(3 + (long) (-STAGE_DAYS[s] * Math.log(1 - random.nextDouble())));
                    double advance = s == STAGES.length - 1 ? Math.min(0.95, ADVANCE[s] * skill) : ADVANCE[s];
                    if (random.nextDouble() >= advance) {
                        closed = t;
                        break;
                    }
                    if (s + 1 < STAGES.length) {
                        entered[s + 1] = t;
                    } else {
                        won = true;
                        closed = t;
                    }
                }
                long cycle = closed.toEpochDay() - created.toEpochDay();
                // the owner's guess: too early by a good margin, pushed by a month or two each time it passes
                LocalDate first = created.plusDays(Math.max(14, (long) (cycle * (0.4 + 0.5 * random.nextDouble()))));
                LocalDate second = first.plusDays(30 + random.nextInt(31));
                LocalDate third = second.plusDays(30 + random.nextInt(61));
                deals.add(new Deal(String.format("BO%07d", ++seq), owner,
                        product, BigDecimal.valueOf(Math.max(1, Math.round(amount / 1000))).multiply(BigDecimal.valueOf(1000)),
                        entered, closed, won, new LocalDate[] {first, second, third}));
            }
        }
        return deals;
    }

    private void writeOrg(Options o, int teams) {
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < o.reps(); r++) {
            int team = r / 10 % teams;
            rows.add(new Object[] {rep(r), Date.valueOf(o.start().minusYears(1)), "代表" + (r + 1), "REP",
                    rep(r).toLowerCase() + "@example.com", "zh", String.format("T%03d", team), "第" + (team + 1) + "办事处",
                    String.format("G%02d", team / 5), "第" + (team / 5 + 1) + "大区"});
        }
        insert("INSERT INTO org_assignment (employee_id, valid_from, name, role, email, language, team_code, team_name,"
                + " region_code, region_name, source_name, load_id) VALUES (?,?,?,?,?,?,?,?,?,?,'bench',0)", rows);
    }

    /** Each rep's monthly target: the amount the rep's won deals of that month would need, rounded, plus 10%. */
    private void writeTargets(Options o, List<Deal> deals) {
        double wonTotal = deals.stream().filter(Deal::won).mapToDouble(d -> d.amount().doubleValue()).sum();
        long months = java.time.temporal.ChronoUnit.MONTHS.between(o.start().withDayOfMonth(1), o.end().withDayOfMonth(1)) + 1;
        BigDecimal perRepMonth = BigDecimal.valueOf(Math.round(wonTotal * 1.1 / months / o.reps() / 1000) * 1000L);
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < o.reps(); r++) {
            for (LocalDate m = o.start().withDayOfMonth(1); !m.isAfter(o.end().plusMonths(3)); m = m.plusMonths(1)) {
                rows.add(new Object[] {rep(r), Date.valueOf(m), perRepMonth});
            }
        }
        insert("INSERT INTO sales_target (rep_id, month_start, sales_target, source_name, load_id) VALUES (?,?,?,'bench',0)", rows);
    }

    private long writeSnapshot(LocalDate s, List<Deal> deals) {
        List<Object[]> rows = new ArrayList<>();
        long written = 0;
        int line = 0;
        for (Deal d : deals) {
            if (d.created().isAfter(s) || d.closed().isBefore(s.minusDays(VISIBLE_CLOSED_DAYS))) {
                continue;
            }
            boolean closed = !d.closed().isAfter(s);
            int stage = 0;
            for (int i = 0; i < STAGES.length; i++) {
                if (d.entered()[i] != null && !d.entered()[i].isAfter(s)) {
                    stage = i;
                }
            }
            String code = closed ? (d.won() ? "WON" : "LOST") : STAGES[stage];
            LocalDate guess = d.guesses()[0];
            for (LocalDate g : d.guesses()) {
                guess = g;
                if (!g.isBefore(s)) {
                    break;
                }
            }
            String category = stage == 4 ? "COMMIT" : stage == 3 ? "BEST_CASE" : "PIPELINE";
            rows.add(new Object[] {Date.valueOf(s), d.id(), ++line, String.format("BC%06d", d.owner() * 7 % 100000), rep(d.owner()),
                    d.id() + " " + PRODUCTS[d.product()] + "项目", PRODUCTS[d.product()], d.amount(), code, code,
                    Date.valueOf(closed ? d.closed() : guess), Date.valueOf(d.created()),
                    closed ? Date.valueOf(d.closed()) : null, category});
            if (rows.size() == BATCH) {
                written += flushSnapshot(rows);
            }
        }
        return written + flushSnapshot(rows);
    }

    private long flushSnapshot(List<Object[]> rows) {
        insert("INSERT INTO opportunity_snapshot (snapshot_date, opportunity_id, load_id, source_name, line_no, customer_id,"
                + " owner_id, name, product_line, amount, stage, source_stage, expected_close_date, created_date, closed_date,"
                + " forecast_category) VALUES (?,?,0,'bench',?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        int n = rows.size();
        rows.clear();
        return n;
    }

    private long writeChanges(LocalDate end, List<Deal> deals) {
        List<Object[]> rows = new ArrayList<>();
        long written = 0;
        for (Deal d : deals) {
            String from = STAGES[0];
            for (int i = 1; i < STAGES.length; i++) {
                if (d.entered()[i] != null && !d.entered()[i].isAfter(end)) {
                    rows.add(new Object[] {d.id(), Date.valueOf(d.entered()[i]), from, STAGES[i]});
                    from = STAGES[i];
                }
            }
            if (!d.closed().isAfter(end)) {
                rows.add(new Object[] {d.id(), Date.valueOf(d.closed()), from, d.won() ? "WON" : "LOST"});
            }
            if (rows.size() >= BATCH) {
                written += rows.size();
                insertChanges(rows);
            }
        }
        written += rows.size();
        insertChanges(rows);
        return written;
    }

    private void insertChanges(List<Object[]> rows) {
        insert("INSERT INTO opportunity_stage_change (opportunity_id, changed_on, from_stage, to_stage, origin, load_id,"
                + " source_name) VALUES (?,?,?,?,'LOG',0,'bench')", rows);
        rows.clear();
    }

    private void insert(String sql, List<Object[]> rows) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            jdbc.batchUpdate(sql, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static String rep(int r) {
        return String.format("E%05d", r + 1);
    }
}
