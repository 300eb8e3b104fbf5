package com.kam.pipeline.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A daily-report file sent again for some reps, corrected: late data for a night of the rollup
 * benchmark. Each of their lines gets 100.00 more in orders, so that the day, its week and month,
 * and the reps' and their teams' figures all change.
 */
final class LateReports {

    private static final BigDecimal MORE = new BigDecimal("100.00");

    private LateReports() {
    }

    /** Writes to {@code corrected} the lines of the first {@code reps} reps (by id) of {@code reports}, corrected. */
    static void correct(Path reports, Path corrected, int reps) throws IOException {
        CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        List<CSVRecord> lines = new ArrayList<>();
        List<String> header;
        try (Reader reader = Files.newBufferedReader(reports, StandardCharsets.UTF_8); CSVParser parser = in.parse(reader)) {
            header = parser.getHeaderNames();
            parser.forEach(lines::add);
        }
        TreeSet<String> chosen = new TreeSet<>();
        lines.stream().map(line -> line.get("rep_id")).sorted().distinct().limit(reps).forEach(chosen::add);
        int amount = header.indexOf("order_amount");
        try (Writer writer = Files.newBufferedWriter(corrected, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get().print(writer)) {
            printer.printRecord(header);
            for (CSVRecord line : lines) {
                if (chosen.contains(line.get("rep_id"))) {
                    List<String> values = new ArrayList<>(line.toList());
                    String old = values.get(amount).replace(",", "");
                    values.set(amount, (old.isBlank() ? MORE : new BigDecimal(old).add(MORE)).toPlainString());
                    printer.printRecord(values);
                }
            }
        }
    }
}
