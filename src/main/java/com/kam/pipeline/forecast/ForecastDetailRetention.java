package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the forecast tables from growing without end: a nightly run's deal detail (the top
 * contributors, the funnel and the ideal funnel, {@link ForecastStore#DETAIL_TABLES}) is what
 * the funnel report of that date reads, and at 1,000 reps it is tens of MB a night. Once a run
 * is older than {@code kam.forecast.keep-detail-days} (counted back from the latest nightly run's
 * date, so a backfill of old dates removes nothing early) its detail goes, unless it is its
 * month's last run, whose funnel report is the month's. The forecasts and their accuracy stay:
 * finance and the backtest measure them for years.
 */
@Component
class ForecastDetailRetention {

    private static final Logger log = LoggerFactory.getLogger(ForecastDetailRetention.class);

    /**
     * Runs whose detail one night removes at most, oldest first: each is tens of MB at 1,000 reps,
     * and the first night after an upgrade (or after the setting is lowered) would otherwise delete
     * a year of it in its one transaction. The rest go on the following nights.
     */
    static final int MOST_RUNS_A_NIGHT = 10;

    private final JdbcTemplate jdbc;
    private final ForecastStore store;
    /** 0 or less: keep every run's detail. */
    private final int keepDays;

    private final com.kam.pipeline.system.KamProperties properties;

    private final int mostRunsANight;

    @org.springframework.beans.factory.annotation.Autowired
    ForecastDetailRetention(JdbcTemplate jdbc, ForecastStore store, @Value("${kam.forecast.keep-detail-days}") int keepDays,
                            com.kam.pipeline.system.KamProperties properties) {
        this(jdbc, store, keepDays, properties, MOST_RUNS_A_NIGHT);
    }

    ForecastDetailRetention(JdbcTemplate jdbc, ForecastStore store, int keepDays, com.kam.pipeline.system.KamProperties properties,
                            int mostRunsANight) {
        this.mostRunsANight = mostRunsANight;
        this.jdbc = jdbc;
        this.store = store;
        this.keepDays = keepDays;
        this.properties = properties;
    }

    private record Run(long id, LocalDate asOf, boolean detailRemoved) {
    }

    /**
     * Removes the detail of the runs it no longer keeps, but never that of {@code justWritten} (an
     * old night run again is wanted for its report); returns how many. The days are counted back
     * from the latest night up to today: a trial run for a later date (a mistyped year) moves
     * nothing.
     */
    int apply(long justWritten) {
        if (keepDays <= 0) {
            return 0;
        }
        List<Run> runs = jdbc.query("SELECT run_id, as_of_date, detail_removed_on FROM forecast_run"
                + " WHERE run_kind = '" + ForecastStore.NIGHTLY + "' AND status = 'DONE' ORDER BY as_of_date, run_id",
                (rs, i) -> new Run(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3) != null));
        if (runs.isEmpty()) {
            return 0;
        }
        LocalDate today = properties.now().toLocalDate();
        LocalDate latest = runs.stream().map(Run::asOf).filter(d -> !d.isAfter(today)).reduce((a, b) -> b).orElse(null);
        if (latest == null) {
            return 0;
        }
        LocalDate keptFrom = latest.minusDays(keepDays);
        // (in date and run order, the last one put is the month's last run)
        Map<YearMonth, Long> monthsLast = new HashMap<>();
        runs.forEach(run -> monthsLast.put(YearMonth.from(run.asOf()), run.id()));
        List<Long> remove = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        int later = 0;
        for (Run run : runs) {
            if (run.asOf().isBefore(keptFrom) && !run.detailRemoved() && run.id() != justWritten
                    && monthsLast.get(YearMonth.from(run.asOf())) != run.id()) {
                if (remove.size() == mostRunsANight) {
                    later++;
                    continue;
                }
                remove.add(run.id());
                first = first == null ? run.asOf() : first;
                last = run.asOf();
            }
        }
        if (!remove.isEmpty()) {
            store.removeDetail(remove, latest);
            log.info("forecast: removed the deal detail (contributors, funnel, ideal funnel) of {} run(s) as of {}..{}, older"
                    + " than {} days (kam.forecast.keep-detail-days); their forecasts, and each month's last run, are kept{}",
                    remove.size(), first, last, keepDays, later == 0 ? ""
                            : "; " + later + " more run(s) past the days kept wait for the following nights (at most "
                            + mostRunsANight + " a night)");
        }
        return remove.size();
    }
}
