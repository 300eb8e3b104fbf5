package com.kam.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rows of a CSV file: UTF-8 with or without BOM or GB18030, CRLF or LF, quoted fields with
 * commas and line breaks. A line whose fields are all empty (",,,," as a spreadsheet saves rows
 * it once formatted) carries nothing and is skipped, as in XLSX. A line with the wrong number of
 * fields is returned as a problem row;
 * an unterminated quote ends the file with one problem row that says where.
 */
final class CsvRowSource implements RowSource {

    private final LoadRef load;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final CSVFormat format;
    private HeaderMap header;
    private int headerSize;
    private long nextLine = 1;
    private boolean broken;

    CsvRowSource(LoadRef load) throws IOException {
        this.load = load;
        this.format = CSVFormat.DEFAULT.builder().setDelimiter(load.source().delimiter()).get();
        this.parser = CSVParser.builder().setReader(TextEncoding.open(load.file(), load.source().charset()))
                .setFormat(format).get();
        this.records = parser.iterator();
    }

    @Override
    public SourceRow next() throws IOException {
        if (broken) {
            return null;
        }
        try {
            if (header == null) {
                if (!records.hasNext()) {
                    return null;
                }
                List<String> names = records.next().toList();
                header = new HeaderMap(load, names, parser.getCurrentLineNumber());
                headerSize = names.size();
                nextLine = parser.getCurrentLineNumber() + 1;
            }
            CSVRecord record;
            long line;
            List<String> cells;
            do {
                if (!records.hasNext()) {
                    return null;
                }
                record = records.next();
                line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                cells = java.util.Arrays.asList(record.values());
            } while (cells.stream().allMatch(String::isBlank));
            List<String> row = cells;
            java.util.function.Supplier<String> raw = () -> format.format(row.toArray());
            if (row.size() != headerSize && !header.refuses()) {
                return SourceRow.problem(load, line, raw.get(), null, "malformed CSV line: " + row.size()
                        + " fields where the header has " + headerSize);
            }
            return header.row(load, line, row, raw);
        } catch (UncheckedIOException e) {
            broken = true;
            return SourceRow.fileProblem(load, nextLine, null, null, "malformed CSV from line " + nextLine
                    // (the parser's own message starts with the line it began on, said already)
                    + " (" + e.getCause().getMessage().replaceFirst("^\\(startline [0-9,]+\\) ", "")
                    + "); the rest of the file could not be read, so none of it is loaded");
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
