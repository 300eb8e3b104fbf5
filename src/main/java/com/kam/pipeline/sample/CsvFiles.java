package com.kam.pipeline.sample;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV files as the different sources write them: the org extract is UTF-8 with a BOM and CRLF
 * (an Excel "CSV UTF-8" save), the customer master GB18030 with CRLF (a plain Chinese Excel
 * save), and the system exports UTF-8 without BOM with LF. Quoting is commons-csv's minimal
 * quoting, so commas, quotes and line breaks inside a value come out quoted.
 */
final class CsvFiles {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** How a file is encoded and how its lines end. */
    enum Style {
        EXCEL_UTF8_BOM(StandardCharsets.UTF_8, true, "\r\n"),
        EXCEL_GB18030(GB18030, false, "\r\n"),
        EXPORT_UTF8(StandardCharsets.UTF_8, false, "\n");

        final Charset charset;
        final boolean bom;
        final String lineEnd;

        Style(Charset charset, boolean bom, String lineEnd) {
            this.charset = charset;
            this.bom = bom;
            this.lineEnd = lineEnd;
        }
    }

    private CsvFiles() {
    }

    static Out open(Path file, Style style, List<String> header) throws IOException {
        BufferedWriter writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), style.charset), 1 << 16);
        if (style.bom) {
            writer.write('\uFEFF');
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator(style.lineEnd).get();
        Out out = new Out(file.getFileName().toString(), new CSVPrinter(writer, format));
        out.row(header);
        return out;
    }

    /**
     * An open CSV file (values must not be null) that counts what it wrote, so injected bad rows can be reported with the
     * record number a CSV reader gives them (header = 1) and the physical line they start on.
     */
    static final class Out implements Closeable {
        private final String fileName;
        private final CSVPrinter printer;
        private long records;
        private long lines;

        private Out(String fileName, CSVPrinter printer) {
            this.fileName = fileName;
            this.printer = printer;
        }

        String fileName() {
            return fileName;
        }

        void row(String... values) {
            row(Arrays.asList(values));
        }

        void row(List<String> values) {
            try {
                long breaks = 0;
                for (String value : values) {
                    for (int i = value == null ? -1 : value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
                        breaks++;
                    }
                }
                printer.printRecord(values);
                records++;
                lines += 1 + breaks;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Data rows written so far (the header not counted). */
        long dataRows() {
            return Math.max(0, records - 1);
        }

        /** The record number the next row will have, counting the header as 1. */
        long nextRecord() {
            return records + 1;
        }

        /** The physical line the next row will start on. */
        long nextLine() {
            return lines + 1;
        }

        @Override
        public void close() throws IOException {
            printer.close(true);
        }
    }
}
