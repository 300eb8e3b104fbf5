package com.kam.pipeline.report;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A report's key figures, taken from the data its PDF is filled with when it is rendered and kept
 * with it in {@code report_archive.headline}, so that a mail can say them before the PDF is opened
 * (and a corrected PDF's mail its new ones, a resend those of the file it carries). Language-neutral:
 * numbers as plain decimals as stored, codes (a grade, a forecast method) as stored; whoever shows
 * them formats and translates them. A figure the report has not got (no target, no forecast) is absent.
 */
public final class ReportHeadline {

    /** Scorecard: the appraisal's score, grade (as stored: 优秀, 良好, ...), rank in team and team size. */
    public static final String SCORE = "score";
    public static final String GRADE = "grade";
    public static final String RANK = "rank";
    public static final String TEAM_SIZE = "team_size";
    /**
     * Scorecard of a month still running: the day its figures reach (yyyy-MM-dd), the score and grade
     * provisional; absent once the month is closed (and for a scorecard archived before it was kept).
     */
    public static final String PROVISIONAL_AS_OF = "provisional_as_of";
    /** Weekly report: the team's orders, sales target and attainment, and the customers in its abnormal list. */
    public static final String ORDERS = "orders";
    public static final String TARGET = "target";
    public static final String ATTAINMENT = "attainment";
    public static final String ABNORMAL_CUSTOMERS = "abnormal_customers";
    /**
     * Funnel report: the current month's forecast as the report lists it first (P50 and its method, COMBINED when
     * there is one), the coverage its headline box shows (deals due by {@link #COVERAGE_END}, yyyy-MM-dd, over what
     * the month's target still lacks) and that remainder (absent when the entity has no target).
     */
    public static final String FORECAST_P50 = "forecast_p50";
    public static final String FORECAST_METHOD = "forecast_method";
    public static final String COVERAGE = "coverage";
    public static final String COVERAGE_END = "coverage_end";
    public static final String REMAINING_TARGET = "remaining_target";
    /** Digest: daily reports due and submitted that day (the team's DAY rollup), and those listed as late. */
    public static final String REPORTS_DUE = "reports_due";
    public static final String REPORTS_SUBMITTED = "reports_submitted";
    public static final String REPORTS_LATE = "reports_late";

    static final ReportHeadline NONE = new ReportHeadline(Map.of());

    private final Map<String, String> figures;

    private ReportHeadline(Map<String, String> figures) {
        this.figures = Collections.unmodifiableMap(figures);
    }

    /** From key, value pairs; a null value leaves its figure out. */
    static ReportHeadline of(Object... keysAndValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                figures.put((String) keysAndValues[i], value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            }
        }
        return new ReportHeadline(figures);
    }

    public Optional<BigDecimal> number(String key) {
        return text(key).map(BigDecimal::new);
    }

    public Optional<String> text(String key) {
        return Optional.ofNullable(figures.get(key));
    }

    public boolean isEmpty() {
        return figures.isEmpty();
    }

    /** As report_archive keeps it: {@code key=value;key=value}, with {@code % ; =} and line breaks in a value escaped; null when empty. */
    public String stored() {
        if (figures.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        figures.forEach((key, value) -> text.append(text.length() == 0 ? "" : ";").append(key).append('=')
                .append(value.replace("%", "%25").replace(";", "%3B").replace("=", "%3D").replace("\n", "%0A")));
        return text.toString();
    }

    /** Reads what {@link #stored()} wrote; nothing (a PDF archived before the figures were kept) reads as no figures. */
    public static ReportHeadline parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return NONE;
        }
        Map<String, String> figures = new LinkedHashMap<>();
        for (String pair : stored.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                figures.put(pair.substring(0, eq), pair.substring(eq + 1).replace("%0A", "\n").replace("%3D", "=")
                        .replace("%3B", ";").replace("%25", "%"));
            }
        }
        return new ReportHeadline(figures);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReportHeadline h && h.figures.equals(figures);
    }

    @Override
    public int hashCode() {
        return figures.hashCode();
    }

    @Override
    public String toString() {
        return String.valueOf(stored());
    }
}
