package com.kam.pipeline.ingest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The keys one load's rows have had so far, each with the line that had it first and a
 * fingerprint of that row's other values, so that a duplicate can say whether it disagrees with
 * the first (two different collections for one visit: someone must pick). The values themselves
 * are kept for the latest rows only, where duplicates mostly are (a month's file holds hundreds of
 * thousands of rows); for an older first row the duplicate says that values differ, not which.
 */
final class SeenKeys {

    private static final int RECENT_ROWS = 10_000;

    /** The row that had the key first; {@code differences} empty when the values agree or are unknown. */
    record Earlier(long line, List<String> differences) {
    }

    private record First(long line, long fingerprint, boolean known) {
    }

    private final InputKind kind;
    private final List<Integer> otherFields = new ArrayList<>();
    private final Map<List<Object>, First> firsts = new HashMap<>();
    private final Map<Long, Object[]> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object[]> eldest) {
            return size() > RECENT_ROWS;
        }
    };

    /** {@code stored}: keys of the load already in the table (after a restart), with their lines; their values are not compared. */
    SeenKeys(InputKind kind, Map<List<Object>, Long> stored) {
        this.kind = kind;
        for (int i = 0; i < kind.fields().size(); i++) {
            if (!kind.keyFields().contains(kind.fields().get(i).name())) {
                otherFields.add(i);
            }
        }
        stored.forEach((key, line) -> firsts.put(key, new First(line, 0, false)));
    }

    /** Null when the key is new (it is remembered with the row), else the row that had it first. */
    Earlier add(List<Object> key, long line, Object[] values) {
        long fingerprint = fingerprint(values);
        First first = firsts.putIfAbsent(key, new First(line, fingerprint, true));
        if (first == null) {
            recent.put(line, values);
            return null;
        }
        if (!first.known() || first.fingerprint() == fingerprint) {
            return new Earlier(first.line(), List.of());
        }
        Object[] earlier = recent.get(first.line());
        return new Earlier(first.line(), earlier == null ? List.of("values") : differences(earlier, values));
    }

    /** "payment_collected (15000.00 there, 18000.00 here)" for each field whose values differ. */
    private List<String> differences(Object[] there, Object[] here) {
        List<String> differences = new ArrayList<>();
        for (int i : otherFields) {
            if (!same(there[i], here[i])) {
                differences.add(kind.fields().get(i).name() + " (" + shown(there[i]) + " there, " + shown(here[i]) + " here)");
            }
        }
        return differences;
    }

    private long fingerprint(Object[] values) {
        long hash = 17;
        for (int i : otherFields) {
            hash = hash * 1_000_003L + hash(values[i]);
        }
        return hash;
    }

    /** BigDecimals by value: 0.3 and 0.30 are the same share. */
    private static int hash(Object value) {
        return value instanceof BigDecimal d ? d.stripTrailingZeros().hashCode() : Objects.hashCode(value);
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        return Objects.equals(a, b);
    }

    private static String shown(Object value) {
        if (value == null) {
            return "empty";
        }
        String text = value instanceof BigDecimal d ? d.toPlainString()
                : value instanceof java.time.LocalDateTime t ? t.toLocalDate() + " " + t.toLocalTime() : value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
