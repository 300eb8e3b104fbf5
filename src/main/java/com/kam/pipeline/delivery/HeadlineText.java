package com.kam.pipeline.delivery;

import com.kam.pipeline.report.ReportHeadline;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * What the line naming a report in a mail says of the report's key figures, the ones written with its
 * PDF ({@link ReportHeadline}, report_archive.headline), in the mail's language ({@code figures.*} of
 * delivery/messages): money and the score as the PDFs print them ({@code #,##0.00}, {@code 0.00}), rates
 * as percentages ({@code 0.00%}), coverage as the multiple the funnel report shows ({@code 0.00x}); a
 * figure the report has not got (no target, no forecast) is said to be missing. Nothing for a report
 * archived before its figures were kept. MailComposer puts it in the line.
 */
final class HeadlineText {

    private HeadlineText() {
    }

    static Optional<String> of(ArchivedReport pdf, ResourceBundle texts) {
        ReportHeadline figures = pdf.headline();
        if (figures == null || figures.isEmpty()) {
            return Optional.empty();
        }
        Shown shown = new Shown(figures, texts);
        return Optional.ofNullable(switch (pdf.reportType()) {
            // a month still running: provisional, as the scorecard's title line says
            case "SCORECARD" -> shown.say(figures.text(ReportHeadline.PROVISIONAL_AS_OF).isPresent()
                            ? "figures.SCORECARD.provisional" : "figures.SCORECARD", shown.number(ReportHeadline.SCORE, "0.00"),
                    shown.grade(), shown.count(ReportHeadline.RANK), shown.count(ReportHeadline.TEAM_SIZE),
                    figures.text(ReportHeadline.PROVISIONAL_AS_OF).orElse(""));
            case "WEEKLY" -> shown.say(figures.text(ReportHeadline.TARGET).isEmpty() ? "figures.WEEKLY.noTarget" : "figures.WEEKLY",
                    shown.money(ReportHeadline.ORDERS), shown.money(ReportHeadline.TARGET),
                    shown.number(ReportHeadline.ATTAINMENT, "0.00%"), shown.count(ReportHeadline.ABNORMAL_CUSTOMERS));
            case "FUNNEL" -> funnel(shown);
            case "DIGEST" -> digest(shown);
            default -> null;
        });
    }

    /** This month's P50 with its method, and the coverage the report's headline box shows, or why there is none. */
    private static String funnel(Shown shown) {
        ReportHeadline figures = shown.figures;
        String end = figures.text(ReportHeadline.COVERAGE_END).map(date -> date.substring(5)).orElse("");
        boolean forecast = figures.text(ReportHeadline.FORECAST_P50).isPresent();
        boolean target = figures.text(ReportHeadline.REMAINING_TARGET).isPresent();
        if (!forecast && !target && figures.text(ReportHeadline.COVERAGE).isEmpty()) {
            return shown.say("figures.FUNNEL.none");
        }
        String coverage = figures.text(ReportHeadline.COVERAGE).isPresent()
                ? shown.say("figures.coverage", end, shown.number(ReportHeadline.COVERAGE, "0.00x"))
                : shown.say(target ? "figures.coverage.nothingLeft" : "figures.coverage.noTarget", end);
        return forecast ? shown.say("figures.FUNNEL", shown.method(), shown.money(ReportHeadline.FORECAST_P50), coverage)
                : shown.say("figures.FUNNEL.noForecast", "", "", coverage);
    }

    /** Daily reports in of those due, and how many late; a day none was due says so. */
    private static String digest(Shown shown) {
        Optional<BigDecimal> due = shown.figures.number(ReportHeadline.REPORTS_DUE);
        String late = shown.count(ReportHeadline.REPORTS_LATE);
        if (due.isEmpty()) {
            return shown.say("figures.DIGEST.noFigures", "", "", late);
        }
        return due.get().signum() == 0 ? shown.say("figures.DIGEST.noneDue")
                : shown.say("figures.DIGEST", shown.count(ReportHeadline.REPORTS_SUBMITTED), shown.count(ReportHeadline.REPORTS_DUE),
                late);
    }

    /** A report's figures as text of the mail's language. */
    private record Shown(ReportHeadline figures, ResourceBundle texts) {

        String say(String key, Object... args) {
            return MessageFormat.format(texts.getString(key), args);
        }

        String money(String key) {
            return number(key, "#,##0.00");
        }

        String count(String key) {
            return number(key, "#,##0");
        }

        /** The figure in the pattern the PDFs use (ROOT symbols: 1,234.50 in both languages, as the PDFs print it); else "none". */
        String number(String key, String pattern) {
            return figures.number(key).map(n -> new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n))
                    .orElseGet(() -> texts.getString("figures.none"));
        }

        /** The grade as the scorecard of the mail's language names it (Good on an English one), else as stored (良好). */
        String grade() {
            return figures.text(ReportHeadline.GRADE).map(code -> texts.containsKey("grade." + code)
                    ? texts.getString("grade." + code) : code).orElseGet(() -> texts.getString("figures.none"));
        }

        String method() {
            return figures.text(ReportHeadline.FORECAST_METHOD).map(code -> texts.containsKey("method." + code)
                    ? texts.getString("method." + code) : code).orElse("");
        }
    }
}
