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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HeaderMap.class);

    private final int[] columnOfField;
    private final List<String> missingRequired = new ArrayList<>();
    /** When the header is one column holding another separator: what to say about it. */
    private String separatorHint = "";

    HeaderMap(LoadRef load, List<String> header) {
        Source source = load.source();
        List<String> names = header.stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").trim()).toList();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
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
        String lookAlike = lookAlikeColumn(source, names, positions.keySet(), fields);
        if (lookAlike != null) {
            // loud, not a refusal: exports carry columns of their own, and one may only look like a field
            log.warn("{} {}: {}", source.name(), load.fileName(), lookAlike);
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

    /** The row for these cells, or a problem that refuses the file when the header lacks a required column. */
    SourceRow row(LoadRef load, long line, List<String> cells, java.util.function.Supplier<String> raw) {
        if (!missingRequired.isEmpty()) {
            return SourceRow.fileProblem(load, line, raw.get(), missingRequired.get(0).split(" ")[0],
                    "missing column in the header: " + String.join(", ", missingRequired) + separatorHint);
        }
        return new SourceRow(load, line, pick(cells), raw, null);
    }

    /**
     * The first header column that names no field yet looks like the column of a field the header
     * lacks (an abbreviation, a typo), described; null when there is none. Such a column is not
     * read, like any other the mapping does not name: its field loads empty (a day's orders gone
     * quietly, were it not said).
     */
    private static String lookAlikeColumn(Source source, List<String> columns, java.util.Set<String> present,
                                          List<FieldSpec> fields) {
        java.util.Set<String> known = new java.util.HashSet<>();
        for (FieldSpec spec : fields) {
            known.add(source.headerFor(spec.name()).toLowerCase(Locale.ROOT));
        }
        for (String column : columns) {
            if (column.isEmpty() || known.contains(column.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (FieldSpec spec : fields) {
                String expected = source.headerFor(spec.name());
                if (!present.contains(expected.toLowerCase(Locale.ROOT)) && looksLike(column, expected)) {
                    return "the header has a column '" + column + "' that is no field, and no column '" + expected
                            + "': is it misspelled? Its rows load without " + spec.name() + "; if so, rename the column"
                            + (source.definedIn() == null ? "" : " or map it in " + source.definedIn())
                            + " and drop the file again";
                }
            }
        }
        return null;
    }

    /**
     * Same first letter, and one is the other shortened (letters left out) or differs by a letter
     * (two in names of eight letters or more).
     */
    static boolean looksLike(String column, String expected) {
        String a = letters(column);
        String b = letters(expected);
        if (a.isEmpty() || b.isEmpty() || a.charAt(0) != b.charAt(0)) {
            return false;
        }
        return shortened(a, b) || shortened(b, a) || distance(a, b) <= (Math.min(a.length(), b.length()) >= 8 ? 2 : 1);
    }

    private static String letters(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
    }

    /** Whether {@code shorter} is {@code longer} with some letters left out, keeping at least half. */
    private static boolean shortened(String shorter, String longer) {
        if (shorter.length() >= longer.length() || shorter.length() * 2 < longer.length()) {
            return false;
        }
        int i = 0;
        for (int j = 0; j < longer.length() && i < shorter.length(); j++) {
            if (shorter.charAt(i) == longer.charAt(j)) {
                i++;
            }
        }
        return i == shorter.length();
    }

    /** Edit distance (insertions, deletions, substitutions). */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
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
