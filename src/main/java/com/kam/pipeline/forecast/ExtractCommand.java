package com.kam.pipeline.forecast;

import com.kam.pipeline.system.KamCommand;
import com.kam.pipeline.system.KamProperties;
import com.kam.pipeline.system.ReadsOnly;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kam extract --as-of D [--format csv|xlsx] [--out FILE]}: the finance extract of a stored run;
 * {@code kam extract --accuracy [--from YYYY-MM] [--to YYYY-MM] [--format csv|xlsx] [--out FILE]}: the scored
 * forecasts ({@link AccuracyExtract}), with each method's error summed up at the end of the output.
 */
@Component
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Write the finance forecast extract of the forecast run stored for an as-of date (--as-of), or, with"
                + " --accuracy, the accuracy of every scored nightly forecast and each method's MAPE.")
public class ExtractCommand implements Callable<Integer>, ReadsOnly {

    enum Format { csv, xlsx }

    @Option(names = "--as-of", description = "as-of date of a stored forecast run (yyyy-MM-dd): the forecast extract")
    LocalDate asOf;

    // defaultValue: picocli would otherwise take a value left on a reused command object as the default
    @Option(names = "--accuracy", defaultValue = "false", description = "the forecast accuracy extract instead: one row per"
            + " scored forecast (forecast_accuracy) of the latest nightly run of each as-of date")
    boolean accuracy;

    @Option(names = "--from", description = "with --accuracy: first month of the periods (yyyy-MM); default: the first scored")
    String from;

    @Option(names = "--to", description = "with --accuracy: last month of the periods (yyyy-MM); a quarter is in when all its"
            + " months are; default: the last scored")
    String to;

    @Option(names = "--format", defaultValue = "csv", description = "csv (UTF-8 with BOM) or xlsx; default csv")
    Format format;

    @Option(names = "--out", description = "file to write (default: out/<date>/extracts/forecast-<date>.<format>;"
            + " with --accuracy out/<today>/extracts/forecast-accuracy-<today>[_<from>-to-<to>].<format>)")
    Path file;

    @Spec
    CommandSpec spec;

    private final FinanceExtract extract;
    private final AccuracyExtract accuracyExtract;
    private final KamProperties properties;

    public ExtractCommand(FinanceExtract extract, AccuracyExtract accuracyExtract, KamProperties properties) {
        this.extract = extract;
        this.accuracyExtract = accuracyExtract;
        this.properties = properties;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (accuracy && asOf != null) {
            return refuse("--as-of is the forecast extract's date and --accuracy asks for the accuracy extract: pass one of"
                    + " them (the accuracy extract takes --from/--to months)");
        }
        if (!accuracy && asOf == null) {
            return refuse("pass --as-of D for the forecast extract of a stored run, or --accuracy [--from yyyy-MM] [--to yyyy-MM]"
                    + " for the accuracy of the scored forecasts");
        }
        if (!accuracy && (from != null || to != null)) {
            return refuse("--from and --to choose the months of the accuracy extract: add --accuracy, or leave them out for"
                    + " the forecast extract of --as-of " + asOf);
        }
        AccuracyExtract.Months months = null;
        if (accuracy) {
            YearMonth first;
            YearMonth last;
            try {
                first = month("--from", from);
                last = month("--to", to);
            } catch (IllegalArgumentException e) {
                return refuse(e.getMessage());
            }
            if (first != null && last != null && first.isAfter(last)) {
                return refuse("--from " + first + " is after --to " + last + ": --from is the first month of the periods, --to the"
                        + " last");
            }
            months = new AccuracyExtract.Months(first, last);
        }
        Path target = file != null ? file : accuracy
                ? AccuracyExtract.defaultFile(properties.out(), properties.now().toLocalDate(), months, format.name())
                : FinanceExtract.defaultFile(properties.out(), asOf, format.name());
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        for (Format other : Format.values()) {
            // an XLSX named .csv (or the reverse) opens as garbage, or not at all, in Excel
            if (other != format && name.endsWith("." + other.name())) {
                return refuse("--out " + target + " is named ." + other.name() + " but --format is " + format.name()
                        + ": name the file ." + format.name() + " or pass --format " + other.name());
            }
        }
        if (accuracy) {
            return writeAccuracy(months, target);
        }
        try {
            spec.commandLine().getOut().println("extract written: " + extract.write(asOf, format.name(), target));
            return KamCommand.DONE;
        } catch (FinanceExtract.NoRunException e) {
            err.println(e.getMessage());
            return KamCommand.BAD_USAGE;
        }
    }

    private int writeAccuracy(AccuracyExtract.Months months, Path target) throws Exception {
        if (format == Format.xlsx) {
            long rows = accuracyExtract.count(months);
            if (rows > ExtractFile.XLSX_MAX_ROWS) {
                return refuse(String.format(Locale.ROOT, "the accuracy extract has %,d rows, more than an XLSX sheet holds"
                        + " (%,d): choose fewer months with --from/--to, or --format csv", rows, ExtractFile.XLSX_MAX_ROWS));
            }
        }
        AccuracyExtract.Summary summary = accuracyExtract.write(months, format.name(), target);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("accuracy extract written: %s (%d row(s))%n", target, summary.rows());
        if (summary.rows() == 0) {
            out.println("no scored forecast in these months: a period is scored by the first night after it closed whose"
                    + " snapshot covers its last day");
        } else {
            summary.lines().forEach(out::println);
        }
        out.flush();
        return KamCommand.DONE;
    }

    /** A --from or --to month (null when not given); IllegalArgumentException saying how to write one. */
    private static YearMonth month(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return YearMonth.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a month: write it as yyyy-MM, e.g. 2026-06");
        }
    }

    /** Says why the command does nothing; returns the exit code of bad usage. */
    private int refuse(String why) {
        spec.commandLine().getErr().println(why + "; nothing written");
        spec.commandLine().getErr().flush();
        return KamCommand.BAD_USAGE;
    }
}
