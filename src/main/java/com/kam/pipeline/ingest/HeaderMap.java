package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each canonical field sits among a source's columns, from the header row and the
 * mapping. Headers match after trimming and ignoring case.
 */
final class HeaderMap {

    private final int[] columnOfField;
    private final List<String> missingRequired = new ArrayList<>();
    /** When the header is one column holding another separator: what to say about it. */
    private String separatorHint = "";

    HeaderMap(Source source, List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "").trim();
            positions.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
        }
        List<FieldSpec> fields = source.kind().fields();
        columnOfField = new int[fields.size()];
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec spec = fields.get(f);
            String header1 = source.headerFor(spec.name());
            Integer column = positions.get(header1.toLowerCase(Locale.ROOT));
            columnOfField[f] = column == null ? -1 : column;
            if (column == null && spec.required()) {
                missingRequired.add(header1.equals(spec.name()) ? spec.name() : spec.name() + " (column '" + header1 + "')");
            }
        }
        if (header.size() == 1 && header.get(0) != null) {
            // a whole header in one column: the file is separated by something else than the mapping says
            for (char other : new char[] {'\t', ';', '|', ','}) {
                if (other != source.delimiter() && header.get(0).indexOf(other) >= 0) {
                    separatorHint = "; the header is one column: is the file separated by "
                            + (other == '\t' ? "tabs" : "'" + other + "'") + "? set delimiter in " + source.definedIn();
                    break;
                }
            }
        }
    }

    /** Required fields whose column is not in the header; every row is rejected for them. */
    List<String> missingRequired() {
        return missingRequired;
    }

    /** The row for these cells, or a problem row when the header lacks a required column. */
    SourceRow row(LoadRef load, long line, List<String> cells, java.util.function.Supplier<String> raw) {
        if (!missingRequired.isEmpty()) {
            return SourceRow.problem(load, line, raw.get(), missingRequired.get(0).split(" ")[0],
                    "missing column in the header: " + String.join(", ", missingRequired) + separatorHint);
        }
        return new SourceRow(load, line, pick(cells), raw, null);
    }

    private String[] pick(List<String> cells) {
        String[] values = new String[columnOfField.length];
        for (int f = 0; f < columnOfField.length; f++) {
            int c = columnOfField[f];
            values[f] = c >= 0 && c < cells.size() ? cells.get(c) : null;
        }
        return values;
    }
}
