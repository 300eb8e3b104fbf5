package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per source: how many files, and read = loaded + rejected + waiting (for later nights) over them;
 * and the files that held no row at all (an export that failed half-way looks like a quiet day).
 */
public record IngestSummary(List<SourceLine> sources, List<String> emptyFiles, List<String> refusedFiles) {

    public record SourceLine(String source, int files, int duplicates, long read, long loaded, long rejected, long waiting) {
        public boolean balanced() {
            return read == loaded + rejected + waiting;
        }
    }

    public static IngestSummary of(List<IngestLoads.Load> loads) {
        Map<String, long[]> bySource = new TreeMap<>();
        List<String> empty = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (IngestLoads.Load load : loads) {
            long[] t = bySource.computeIfAbsent(load.sourceName(), s -> new long[6]);
            if (IngestLoads.DUPLICATE.equals(load.status())) {
                t[1]++;
                continue;
            }
            t[0]++;
            int read = load.rowsRead() == null ? 0 : load.rowsRead();
            int loaded = load.rowsLoaded() == null ? 0 : load.rowsLoaded();
            t[2] += read;
            t[3] += loaded;
            if (load.refused()) {
                // the rows it did not keep (all but master data read before the problem) count as
                // rejected, for the reason the file was refused
                t[4] += read - loaded;
                refused.add(load.fileName() + " (" + load.sourceName() + "): " + load.refusedReason());
                continue;
            }
            t[4] += load.rowsRejected() == null ? 0 : load.rowsRejected();
            t[5] += load.rowsWaiting() == null ? 0 : load.rowsWaiting();
            // a file read to its end (settled) without a row; not one a failed run never came to (a JDBC load has no file)
            if (load.sha256() != null && IngestLoads.LOADED.equals(load.status())
                    && (load.rowsRead() == null || load.rowsRead() == 0)) {
                empty.add(load.fileName() + " (" + load.sourceName() + ")");
            }
        }
        List<SourceLine> lines = new ArrayList<>();
        bySource.forEach((source, t) -> lines.add(new SourceLine(source, (int) t[0], (int) t[1], t[2], t[3], t[4], t[5])));
        return new IngestSummary(lines, empty, refused);
    }

    public long totalRejected() {
        return sources.stream().mapToLong(SourceLine::rejected).sum();
    }

    public String format() {
        if (sources.isEmpty()) {
            return "nothing to read tonight: no inbox file is due and no JDBC source is configured" + System.lineSeparator();
        }
        StringBuilder out = new StringBuilder(String.format("%-16s %6s %6s %10s %10s %9s %8s%n", "source", "files", "dups",
                "read", "loaded", "rejected", "waiting"));
        for (SourceLine line : sources) {
            out.append(String.format("%-16s %6d %6d %10d %10d %9d %8d%s%n", line.source(), line.files(), line.duplicates(),
                    line.read(), line.loaded(), line.rejected(), line.waiting(),
                    line.balanced() ? "" : "  read != loaded + rejected + waiting!"));
        }
        if (sources.stream().anyMatch(l -> l.waiting() > 0)) {
            out.append("waiting: rows that are early, not wrong (dated later in the month their file collects, or naming a"
                    + " deal no snapshot lists yet); their file stays in the inbox and loads them on a later night (see"
                    + " ingest_waiting)").append(System.lineSeparator());
        }
        for (String file : refusedFiles) {
            out.append("REFUSED (fix it; it is read again on the next run): ").append(file)
                    .append(System.lineSeparator());
        }
        if (!emptyFiles.isEmpty()) {
            out.append("no rows in ").append(String.join(", ", emptyFiles))
                    .append(": check the export that wrote them").append(System.lineSeparator());
        }
        return out.toString();
    }
}
