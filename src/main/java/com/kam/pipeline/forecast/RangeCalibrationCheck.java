package com.kam.pipeline.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the forecast benchmark: whether a calibration learned on the earlier months of a backtest
 * makes the P10-P90 ranges of the later months hold about 80% of what was won (out of sample).
 */
public final class RangeCalibrationCheck {

    private static final List<String> LEVELS = List.of("COMPANY", "TEAM", "REP");
    private static final List<String> HORIZONS = List.of(Horizon.CURRENT_MONTH, Horizon.NEXT_MONTH, Horizon.CURRENT_QUARTER);

    private RangeCalibrationCheck() {
    }

    /** One line per calibrated method and level: share inside P10-P90 per horizon, as computed and calibrated. */
    public static List<String> outOfSample(JdbcTemplate jdbc, LocalDate learnFrom, LocalDate learnTo, LocalDate testFrom,
                                           LocalDate testTo) {
        Map<RangeCalibration.Key, double[]> scales = RangeCalibration.scalesOf(RangeCalibration.measured(jdbc, learnFrom, learnTo));
        List<RangeCalibration.Measured> test = RangeCalibration.measured(jdbc, testFrom, testTo);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-12s %-8s | %-22s | %-22s | %-22s", "method", "level", "CURRENT_MONTH",
                "NEXT_MONTH", "CURRENT_QUARTER"));
        for (Method method : Method.values()) {
            if (!RangeCalibration.CALIBRATED.contains(method)) {
                continue;
            }
            for (String level : LEVELS) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s %-8s", method, level));
                for (String horizon : HORIZONS) {
                    RangeCalibration.Key key = new RangeCalibration.Key(method, horizon, level);
                    double[] scale = scales.get(key);
                    double s = scale == null ? 1 : scale[0];
                    int n = 0;
                    int raw = 0;
                    int calibrated = 0;
                    for (RangeCalibration.Measured m : test) {
                        if (m.key().equals(key)) {
                            n++;
                            raw += m.actual() >= m.p10() && m.actual() <= m.p90() ? 1 : 0;
                            double lo = Math.max(m.closedWon(), m.p50() - s * (m.p50() - m.p10()));
                            double hi = m.p50() + s * (m.p90() - m.p50());
                            calibrated += m.actual() >= lo && m.actual() <= hi ? 1 : 0;
                        }
                    }
                    line.append(n == 0 ? String.format(Locale.ROOT, " | %-22s", "-")
                            : String.format(Locale.ROOT, " | %3.0f%% -> %3.0f%% x%-5.2f n=%-4d", 100.0 * raw / n,
                            100.0 * calibrated / n, s, n));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }
}
