package com.kam.pipeline.report;

import com.kam.pipeline.forecast.Horizon;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monthly funnel and forecast report of a team, a region or the whole company: the funnel by stage with
 * conversion and velocity, coverage, the ideal funnel against today's with the gap, stalled and
 * slipped deals, the forecasts per method with their range, the deals behind them and how
 * accurate past forecasts were. Everything comes from the forecast job's tables (FunnelFigures).
 */
@Component
class FunnelContent implements ReportContent {

    private final JdbcTemplate jdbc;
    private final FunnelFigures figures;

    FunnelContent(JdbcTemplate jdbc, FunnelFigures figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    @Override
    public ReportType type() {
        return ReportType.FUNNEL;
    }

    @Override
    public EntityQuery candidates(ReportPeriod period, LocalDate asOf) {
        String overlaps = " valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)";
        return new EntityQuery("SELECT entity_type, entity_id, entity_name FROM ("
                + " SELECT 'TEAM' AS entity_type, team_code AS entity_id, MAX(team_name) AS entity_name FROM org_assignment"
                + " WHERE team_code IS NOT NULL AND" + overlaps + " GROUP BY team_code"
                + " UNION ALL SELECT 'REGION' AS entity_type, region_code AS entity_id, MAX(region_name) AS entity_name"
                + " FROM org_assignment WHERE" + overlaps + " GROUP BY region_code"
                // the whole company, for the sales director
                + " UNION ALL SELECT DISTINCT 'COMPANY' AS entity_type, 'ALL' AS entity_id, '全公司' AS entity_name"
                + " FROM org_assignment WHERE" + overlaps + ") e ORDER BY entity_type DESC, entity_id",
                period.end(), period.start(), period.end(), period.start(), period.end(), period.start());
    }

    @Override
    public Optional<ReportData> read(ReportEntity entity, ReportPeriod month, LocalDate asOf) {
        FunnelFigures.Scope scope = FunnelFigures.Scope.valueOf(entity.type());
        List<Map<String, ?>> funnel = figures.funnel(scope, entity.id(), asOf);
        List<Map<String, ?>> forecasts = figures.forecasts(scope, entity.id(), asOf);
        List<Map<String, ?>> rollup = Rows.query(jdbc, "SELECT orders_amount, sales_target, sales_attainment FROM rollup"
                + " WHERE period_type = 'MONTH' AND period_start = ? AND period_end = ? AND entity_type = ? AND entity_id = ?",
                month.start(), month.end(), entity.type(), entity.id());
        if (funnel.isEmpty() && forecasts.isEmpty() && rollup.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new HashMap<>();
        figures.summary(scope, entity.id(), asOf).forEach((column, value) ->
                parameters.put("SUMMARY_" + column.toUpperCase(Locale.ROOT), value));
        if (!rollup.isEmpty()) {
            rollup.get(0).forEach((column, value) -> parameters.put("MONTH_" + column.toUpperCase(Locale.ROOT), value));
        }
        parameters.put("ENTITY_TYPE", entity.type());
        parameters.put("FUNNEL", funnel);
        // the run's funnel, coverage and ideal funnel are of the deals as known on its snapshot's date: their months too
        LocalDate known = figures.knownOn(asOf);
        parameters.put("PIPELINE_AS_OF", FunnelFigures.pipelineAsOf(known, asOf));
        parameters.put("IDEAL", figures.idealFunnel(scope, entity.id(), asOf));
        parameters.put("IDEAL_NEXT_MONTH", Horizon.NEXT_MONTH.equals(FunnelFigures.idealHorizon(known, asOf)));
        parameters.put("COVERAGE_MONTH", FunnelFigures.coverageMonth(known, asOf));
        parameters.put("FORECASTS", forecasts);
        parameters.put("COVERAGE_END", FunnelFigures.coverageEnd(known, asOf));
        List<Map<String, ?>> contributors = figures.contributors(scope, entity.id(), asOf);
        parameters.put("CONTRIBUTORS", contributors);
        parameters.put("CONTRIBUTORS_MONTH", FunnelFigures.contributorsMonth(asOf));
        parameters.put("CONTRIBUTORS_ELSEWHERE", contributors.stream().anyMatch(row -> Boolean.TRUE.equals(row.get("elsewhere"))));
        parameters.put("STALLED", figures.stalled(scope, entity.id(), asOf));
        parameters.put("SLIPPED", figures.slipped(scope, entity.id(), asOf));
        parameters.put("ACCURACY", figures.accuracy(scope, entity.id(), asOf));
        return Optional.of(new ReportData(parameters, funnel));
    }

    /**
     * The current month's forecast as the report's forecast table lists it first (the combined one, when the run has
     * it), and the coverage of its headline box with the target it is against.
     */
    @Override
    public ReportHeadline headline(ReportData data) {
        Map<String, Object> shown = data.parameters();
        @SuppressWarnings("unchecked")
        List<Map<String, ?>> forecasts = (List<Map<String, ?>>) shown.get("FORECASTS");
        Map<String, ?> month = forecasts.stream().filter(row -> Horizon.CURRENT_MONTH.equals(row.get("horizon"))).findFirst()
                .orElse(Map.of());
        return ReportHeadline.of(ReportHeadline.FORECAST_P50, month.get("p50"), ReportHeadline.FORECAST_METHOD, month.get("method"),
                ReportHeadline.COVERAGE, shown.get("SUMMARY_MONTH_DUE_COVERAGE"), ReportHeadline.COVERAGE_END,
                shown.get("COVERAGE_END"), ReportHeadline.REMAINING_TARGET, shown.get("SUMMARY_MONTH_REMAINING"));
    }
}
