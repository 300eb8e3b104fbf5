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

    /**
     * What exports usually call an optional money field in Chinese: such a column unmapped means
     * the field's amounts are in the file yet would load empty (a renamed header, not an extra).
     */
    private static final Map<String, List<String>> USUAL_MONEY_NAMES = Map.of(
            "order_amount", List.of("订单金额", "订货金额", "订单额", "成交金额", "销售金额", "销售额"),
            "gross_margin", List.of("毛利", "毛利额", "毛利金额"),
            "payment_collected", List.of("回款金额", "回款", "回款额", "收款金额", "收款"),
            "expense", List.of("费用", "费用金额", "报销金额"),
            "margin_target", List.of("毛利目标", "毛利额目标"),
            "collection_target", List.of("回款目标", "回款额目标"));

    private final int[] columnOfField;
    private final List<String> missingRequired = new ArrayList<>();
    /** Required columns of the kind, lower case: what a header must have. */
    private final List<String> requiredColumns = new ArrayList<>();
    /** When the header is one column holding another separator: what to say about it. */
    private String separatorHint = "";
    /** Why the header refuses the file when it has every required column; null if it does not. */
    private String refusal;
    /** Header line (row) in the file, 0 for a query; with one cell or no field's column it may be a title. */
    private final long headerLine;
    private final boolean titleLike;
    private boolean rowSeen;

    HeaderMap(LoadRef load, List<String> header, long headerLine) {
        this.headerLine = headerLine;
        Source source = load.source();
        List<String> names = header.stream().map(h -> h == null ? "" : h.replace("\uFEFF", "").trim()).toList();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            positions.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
        }
        List<FieldSpec> fields = source.kind().fields();
        columnOfField = new int[fields.size()];
        boolean anyField = false;
        for (int f = 0; f < fields.size(); f++) {
            FieldSpec spec = fields.get(f);
            String header1 = source.headerFor(spec.name());
            Integer column = positions.get(header1.toLowerCase(Locale.ROOT));
            columnOfField[f] = column == null ? -1 : column;
            anyField |= column != null;
            if (spec.required()) {
                requiredColumns.add(header1.toLowerCase(Locale.ROOT));
            }
            if (column == null && spec.required()) {
                missingRequired.add(header1.equals(spec.name()) ? spec.name() : spec.name() + " (column '" + header1 + "')");
            }
        }
        titleLike = headerLine > 0 && (!anyField || names.stream().filter(n -> !n.isEmpty()).count() == 1);
        List<String> unnamed = unnamedColumns(source, names, fields);
        List<FieldSpec> absent = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            if (columnOfField[f] < 0 && !fields.get(f).required()) {
                absent.add(fields.get(f));
            }
        }
        String lookAlike = lookAlikeColumn(source, unnamed, positions.keySet(), fields);
        if (missingRequired.isEmpty()) {
            refusal = moneyColumnsUnmapped(source, unnamed, absent);
        }
        // loud, not a refusal: exports carry columns of their own, and one may only look like a field
        if (refusal == null && lookAlike != null) {
            log.warn("{} {}: {}", source.name(), load.fileName(), lookAlike);
        }
        String unread = refusal == null && missingRequired.isEmpty() ? unreadColumns(source, unnamed, absent) : null;
        if (unread != null) {
            log.warn("{} {}: {}", source.name(), load.fileName(), unread);
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

    /** Whether the header refuses the file: each row is then the file's problem, whatever its shape. */
    boolean refuses() {
        return !missingRequired.isEmpty() || refusal != null;
    }

    /** The row for these cells, or a problem that refuses the file when the header lacks a required column. */
    SourceRow row(LoadRef load, long line, List<String> cells, java.util.function.Supplier<String> raw) {
        boolean first = !rowSeen;
        rowSeen = true;
        if (!missingRequired.isEmpty()) {
            String hint = first && titleLike && holdsEveryRequiredColumn(cells)
                    ? "; row " + headerLine + " looks like a title: delete it, the header is row " + line
                    : separatorHint;
            return SourceRow.fileProblem(load, line, raw.get(), missingRequired.get(0).split(" ")[0],
                    "missing column in the header: " + String.join(", ", missingRequired) + hint);
        }
        if (refusal != null) {
            return SourceRow.fileProblem(load, line, raw.get(), null, refusal);
        }
        return new SourceRow(load, line, pick(cells), raw, null);
    }

    /** Whether these cells, taken as a header, have the column of every required field. */
    private boolean holdsEveryRequiredColumn(List<String> cells) {
        java.util.Set<String> present = new java.util.HashSet<>();
        for (String cell : cells) {
            present.add(cell == null ? "" : cell.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT));
        }
        return present.containsAll(requiredColumns);
    }

    /** Header columns that are no field's column and not among the source's ignore-columns, in header order. */
    private static List<String> unnamedColumns(Source source, List<String> columns, List<FieldSpec> fields) {
        java.util.Set<String> known = new java.util.HashSet<>(source.ignoredColumns());
        for (FieldSpec spec : fields) {
            known.add(source.headerFor(spec.name()).toLowerCase(Locale.ROOT));
        }
        return columns.stream().filter(c -> !c.isEmpty() && !known.contains(c.toLowerCase(Locale.ROOT))).distinct().toList();
    }

    /**
     * Why the file is refused when an unnamed column is, by its name, a money field the header
     * has no column for ({@code 订单金额} for order_amount, {@code order_amt}); null if none is.
     * Loaded, every row would carry no amount, and the same file dropped again after the mapping
     * is fixed is only a duplicate: money is not left to a warning.
     */
    private static String moneyColumnsUnmapped(Source source, List<String> unnamed, List<FieldSpec> absent) {
        List<String> pairs = new ArrayList<>();
        String example = null;
        for (String column : unnamed) {
            for (FieldSpec spec : absent) {
                if (spec.type() == FieldType.MONEY && namesMoneyField(column, spec, source)) {
                    pairs.add("'" + column + "' (" + spec.name() + ")");
                    example = example == null ? spec.name() + ": " + column : example;
                    break;
                }
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return "the header has " + (pairs.size() == 1 ? "a column that names no field but looks like a money field"
                : "columns that name no field but look like money fields") + " it has no column for: " + String.join(", ", pairs) + "; loaded, every row would have no amount"
                + " there, so the file is not loaded: map " + (pairs.size() == 1 ? "it" : "them") + " under columns in "
                + source.definedIn() + " (" + example + "), or list " + (pairs.size() == 1 ? "it" : "them")
                + " under ignore-columns there if the source does not need " + (pairs.size() == 1 ? "it" : "them");
    }

    /**
     * The first unnamed column that looks like the column of a field the header lacks (an
     * abbreviation, a typo), described; null when there is none. Such a column is not read, like
     * any other the mapping does not name: its field loads empty (a day's visits without their
     * outcome, were it not said).
     */
    private static String lookAlikeColumn(Source source, List<String> unnamed, java.util.Set<String> present,
                                          List<FieldSpec> fields) {
        for (String column : unnamed) {
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
     * Whether a column is, by its name, this money field: a usual name of it, or a look-alike of
     * its column or field name no longer than that (gross_margin_rate is another figure).
     */
    private static boolean namesMoneyField(String column, FieldSpec spec, Source source) {
        String name = letters(column);
        for (String expected : List.of(source.headerFor(spec.name()), spec.name())) {
            if (name.length() <= letters(expected).length() && looksLike(column, expected)) {
                return true;
            }
        }
        return USUAL_MONEY_NAMES.getOrDefault(spec.name(), List.of()).stream().anyMatch(n -> letters(n).equals(name));
    }

    /**
     * When the header has columns that name no field and lacks the columns of some fields: both
     * lists and how to map or silence them; null otherwise. One of those columns may be a field
     * under another name, whose values would load empty without a word.
     */
    private static String unreadColumns(Source source, List<String> unnamed, List<FieldSpec> absent) {
        if (unnamed.isEmpty() || absent.isEmpty()) {
            return null;
        }
        List<String> money = absent.stream().filter(f -> f.type() == FieldType.MONEY).map(FieldSpec::name).toList();
        return "the header has columns that name no field: " + String.join(", ", unnamed) + "; and no column for "
                + String.join(", ", absent.stream().map(f -> describe(source, f)).toList())
                + (money.isEmpty() ? "" : " (money: " + String.join(", ", money) + ")")
                + ": those fields load empty. If a column holds one of them, map it under columns in " + source.definedIn()
                + "; list the columns the source does not need under ignore-columns there";
    }

    private static String describe(Source source, FieldSpec spec) {
        String column = source.headerFor(spec.name());
        return column.equals(spec.name()) ? spec.name() : spec.name() + " (column '" + column + "')";
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
