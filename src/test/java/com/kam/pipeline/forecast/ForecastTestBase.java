package com.kam.pipeline.forecast;

import com.kam.pipeline.support.Tables;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** A Spring context on a database of the subclass's choosing, emptied before each test, with the test settings. */
@SpringBootTest(properties = {"kam.cli.enabled=false", "kam.forecast.config=src/test/resources/forecast/forecast-test.yml"})
abstract class ForecastTestBase {

    static final List<String> FORECAST_TABLES = List.of("forecast_contributor", "forecast_accuracy", "forecast", "funnel_stage",
            "funnel_summary", "funnel_flagged", "ideal_funnel", "forecast_run", "forecast_calibration");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ForecastJob job;

    @Autowired
    Backtest backtest;

    @TempDir
    Path work;

    @BeforeEach
    void emptyDatabase() {
        for (String table : FORECAST_TABLES) {
            jdbc.update("DELETE FROM " + table);
        }
        Tables.empty(jdbc);
    }

    long latestRun(LocalDate asOf, String kind) {
        return jdbc.queryForObject("SELECT MAX(run_id) FROM forecast_run WHERE as_of_date = ? AND run_kind = ? AND status = 'DONE'",
                Long.class, Date.valueOf(asOf), kind);
    }

    /** A stored forecast's P10, P50, P90 and closed-won amount. */
    Map<String, Object> forecast(long run, String horizon, String entityType, String entityId, String method) {
        return jdbc.queryForMap("SELECT p10, p50, p90, closed_won, target FROM forecast WHERE run_id = ? AND horizon = ?"
                + " AND entity_type = ? AND entity_id = ? AND method = ?", run, horizon, entityType, entityId, method);
    }

    BigDecimal p50(long run, String horizon, String entityType, String entityId, String method) {
        return (BigDecimal) forecast(run, horizon, entityType, entityId, method).get("p50");
    }

    static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
