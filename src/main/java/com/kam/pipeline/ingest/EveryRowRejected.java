package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file whose every row is rejected is refused, not settled as a load: one fault that spoils
 * every row (a date written with a time, a renamed rep code) would otherwise make a normal night
 * of an empty day, the file archived and the digest saying nobody filed. Like a file that cannot
 * be read whole, it replaces nothing and stays in the inbox until fixed. (A file with no rows at
 * all is named as empty instead.)
 */
final class EveryRowRejected {

    private EveryRowRejected() {
    }

    /**
     * The loads of {@code pending} that read rows and rejected every one, refused in the table with
     * the reason; the list returned has them with their reason set, the others as they were.
     */
    static List<IngestLoads.Load> refuse(JdbcTemplate jdbc, IngestLoads loads, List<IngestLoads.Load> pending) {
        List<IngestLoads.Load> out = new ArrayList<>(pending.size());
        for (IngestLoads.Load load : pending) {
            int read = load.rowsRead() == null ? 0 : load.rowsRead();
            if (load.refusedReason() == null && read > 0 && rejected(jdbc, load.id()) >= read) {
                Map<String, Long> byReason = new TreeMap<>();
                jdbc.query("SELECT reason, COUNT(*) FROM ingest_reject WHERE load_id = ? GROUP BY reason",
                        rs -> {
                            byReason.put(rs.getString(1), rs.getLong(2));
                        }, load.id());
                out.add(loads.refuse(load, reason(byReason, read)));
            } else {
                out.add(load);
            }
        }
        return out;
    }

    private static long rejected(JdbcTemplate jdbc, long load) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE load_id = ?", Long.class, load);
    }

    /** The refusal's reason: the commonest reject reason, with how many rows it rejected (and how many others did). */
    static String reason(Map<String, Long> byReason, long read) {
        Map.Entry<String, Long> top = byReason.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow();
        long others = read - top.getValue();
        return "every row rejected; " + top.getValue() + " x " + top.getKey()
                + (others > 0 ? " (and " + others + " for other reasons)" : "");
    }
}
