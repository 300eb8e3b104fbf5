package com.kam.pipeline.report;

import com.kam.pipeline.rollup.AppraisalSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rep monthly scorecard (销售代表月度考核表): each appraisal item against its goal, the weighted
 * score, grade and rank in team, the month's figures and whether its expenses went over budget, six
 * months of orders against target, the rep's funnel and stalled deals. A rep without an appraisal
 * for the month has nothing to report.
 */
@Component
class ScorecardContent implements ReportContent {

    /** The date the figures of a month still running reach (null once the month is closed): its score is provisional. */
    private static final String PROVISIONAL_AS_OF = "PROVISIONAL_AS_OF";

    private final JdbcTemplate jdbc;
    private final FunnelFigures funnel;

    ScorecardContent(JdbcTemplate jdbc, FunnelFigures funnel) {
        this.jdbc = jdbc;
        this.funnel = funnel;
    }

    @Override
    public ReportType type() {
        return ReportType.SCORECARD;
    }

    @Override
    public EntityQuery candidates(ReportPeriod period, LocalDate asOf) {
        return new EntityQuery("SELECT 'REP' AS entity_type, employee_id AS entity_id, MAX(name) AS entity_name"
                + " FROM org_assignment WHERE role = 'REP' AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)"
                + " GROUP BY employee_id ORDER BY employee_id", period.end(), period.start());
    }

    @Override
    public Optional<ReportData> read(ReportEntity rep, ReportPeriod period, LocalDate asOf) {
        List<Map<String, ?>> appraisal = Rows.query(jdbc, "SELECT a.rep_name, a.team_code, a.score, a.points_total, a.grade,"
                + " a.rank_in_team, a.team_size, (SELECT MAX(t.team_name) FROM org_assignment t WHERE t.team_code = a.team_code) AS team_name"
                + " FROM appraisal a WHERE a.month_start = ? AND a.rep_id = ?", period.start(), rep.id());
        if (appraisal.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ?> head = appraisal.get(0);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("REP_NAME", head.get("rep_name") != null ? head.get("rep_name") : rep.name());
        parameters.put("TEAM_NAME", head.get("team_name") != null ? head.get("team_name") : head.get("team_code"));
        parameters.put("SCORE", head.get("score"));
        parameters.put("GRADE", head.get("grade"));
        parameters.put("RANK_IN_TEAM", head.get("rank_in_team"));
        parameters.put("TEAM_SIZE", head.get("team_size"));
        // the stored figures reach the last rep-day rolled up (a scorecard rendered for an earlier date
        // shows them too, and so does one rendered after a rollup rerun for an earlier date, which
        // keeps the later days): before the month's last day, its score and grade are provisional.
        // (Without rep-days, the last rollup run's date.)
        LocalDate through = jdbc.queryForObject("SELECT MAX(work_date) FROM rollup_rep_day", LocalDate.class);
        if (through == null) {
            through = jdbc.query("SELECT business_date FROM rollup_run ORDER BY id DESC LIMIT 1",
                    rs -> rs.next() ? rs.getObject(1, LocalDate.class) : null);
        }
        // a refused target file may hold this month's targets: the score does not count them, and the scorecard says so
        List<String> refused = RefusedTargetFiles.of(jdbc, period.start());
        parameters.put("REFUSED_TARGETS", refused.isEmpty() ? null : String.join(", ", refused));
        LocalDate figuresAsOf = through != null ? through : asOf;
        parameters.put("FIGURES_AS_OF", figuresAsOf.toString());
        // for the mail's line (the template's title line tests the same: figures as of before the period's end)
        parameters.put(PROVISIONAL_AS_OF, figuresAsOf.isBefore(period.end()) ? figuresAsOf.toString() : null);
        List<Map<String, ?>> month = Rows.query(jdbc, "SELECT orders_amount, sales_target, sales_attainment, gross_margin,"
                + " collections, expenses, visits, effective_visit_rate, new_customers, complaints_open, complaints_received,"
                + " complaints_resolved, complaint_resolution_days FROM rollup WHERE period_type = 'MONTH'"
                + " AND period_start = ? AND period_end = ? AND entity_type = 'REP' AND entity_id = ?", period.start(),
                monthEnd(period.start()), rep.id());
        if (!month.isEmpty()) {
            month.get(0).forEach((column, value) -> parameters.put("MONTH_" + column.toUpperCase(java.util.Locale.ROOT), value));
        }
        // the month's expenses over their budget (a share of the sales target, rollup.yml), as the rollup warned
        List<Map<String, ?>> overBudget = Rows.query(jdbc, "SELECT actual, baseline FROM rollup_warning WHERE period_type = 'MONTH'"
                + " AND period_start = ? AND entity_type = 'REP' AND entity_id = ? AND measure = 'expenses'", period.start(), rep.id());
        parameters.put("EXPENSES_OVER_BUDGET", overBudget.isEmpty() ? null : overBudget.get(0).get("actual"));
        parameters.put("EXPENSE_BUDGET", overBudget.isEmpty() ? null : overBudget.get(0).get("baseline"));
        // the six months each by its whole primary key (the rollup has no index by entity): looked up, not scanned
        List<String> months = new java.util.ArrayList<>();
        List<Object> args = new java.util.ArrayList<>(List.of(rep.id()));
        for (int back = 5; back >= 0; back--) {
            LocalDate start = period.start().minusMonths(back);
            months.add("(period_start = ? AND period_end = ?)");
            args.addAll(List.of(start, monthEnd(start)));
        }
        parameters.put("TREND", Rows.query(jdbc, "SELECT period_start AS month_start, orders_amount, sales_target"
                + " FROM rollup WHERE period_type = 'MONTH' AND entity_type = 'REP' AND entity_id = ?"
                + " AND (" + String.join(" OR ", months) + ") ORDER BY period_start", args.toArray())
                .stream().map(ScorecardContent::monthLabel).toList());
        parameters.put("FUNNEL", funnel.funnel(FunnelFigures.Scope.REP, rep.id(), asOf));
        parameters.put("STALLED", funnel.stalled(FunnelFigures.Scope.REP, rep.id(), asOf));
        // each item with how its actual and goal read (a share, a count or money)
        List<Map<String, ?>> items = Rows.query(jdbc, "SELECT item, label, actual, goal, attainment, weight, applied_weight, points"
                + " FROM appraisal_item WHERE month_start = ? AND rep_id = ? ORDER BY weight DESC, item", period.start(), rep.id())
                .stream().map(ScorecardContent::withKind).toList();
        parameters.putAll(notes(items, (BigDecimal) head.get("score"), (BigDecimal) head.get("points_total")));
        return Optional.of(new ReportData(parameters, items));
    }

    /** Score, grade and rank in team, as the scorecard's boxes show them, and whether they are provisional, as its title line says. */
    @Override
    public ReportHeadline headline(ReportData data) {
        Map<String, Object> shown = data.parameters();
        return ReportHeadline.of(ReportHeadline.SCORE, shown.get("SCORE"), ReportHeadline.GRADE, shown.get("GRADE"),
                ReportHeadline.RANK, shown.get("RANK_IN_TEAM"), ReportHeadline.TEAM_SIZE, shown.get("TEAM_SIZE"),
                ReportHeadline.PROVISIONAL_AS_OF, shown.get(PROVISIONAL_AS_OF));
    }

    /**
     * What the scorecard's notes under the items say, each null (or false) when it has nothing to
     * say: COUNTED_WEIGHT, the sum of the configured weights of the items counted, when some were
     * left out (no goal) and the others scaled up to 100; POINTS_TOTAL, the points' total when the
     * score was capped at 100; ROUNDING_GAP, when the shown points do not add up to that total to
     * the cent (each is rounded on its own, the total from the unrounded points).
     */
    private static Map<String, Object> notes(List<Map<String, ?>> items, BigDecimal score, BigDecimal pointsTotal) {
        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal shown = BigDecimal.ZERO;
        boolean leftOut = false;
        for (Map<String, ?> item : items) {
            if (item.get("points") == null) {
                leftOut = true;
            } else {
                counted = counted.add((BigDecimal) item.get("weight"));
                shown = shown.add((BigDecimal) item.get("points"));
            }
        }
        BigDecimal total = pointsTotal != null ? pointsTotal : score;
        Map<String, Object> notes = new HashMap<>();
        notes.put("COUNTED_WEIGHT", leftOut ? counted : null);
        notes.put("POINTS_TOTAL", total != null && score != null && total.compareTo(score) > 0 ? total : null);
        notes.put("ROUNDING_GAP", total != null && shown.compareTo(total) != 0);
        return notes;
    }

    /** An item with how its figures read, and its label as appraisal.yml gave it in each report language. */
    private static Map<String, ?> withKind(Map<String, ?> item) {
        Map<String, Object> out = new HashMap<>(item);
        out.put("kind", AppraisalSettings.kindOf((String) item.get("item")));
        out.put("label_zh", AppraisalSettings.labelIn((String) item.get("label"), "zh"));
        out.put("label_en", AppraisalSettings.labelIn((String) item.get("label"), "en"));
        return out;
    }

    private static LocalDate monthEnd(LocalDate month) {
        return month.withDayOfMonth(month.lengthOfMonth());
    }

    private static Map<String, ?> monthLabel(Map<String, ?> row) {
        Map<String, Object> out = new HashMap<>(row);
        out.put("month", ((String) row.get("month_start")).substring(0, 7));
        return out;
    }
}
