package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Per source: how many files, and read = loaded + rejected over them. */
public record IngestSummary(List<SourceLine> sources) {

    public record SourceLine(String source, int files, int duplicates, long read, long loaded, long rejected) {
        public boolean balanced() {
            return read == loaded + rejected;
        }
    }

    public static IngestSummary of(List<IngestLoads.Load> loads) {
        Map<String, long[]> bySource = new TreeMap<>();
        for (IngestLoads.Load load : loads) {
            long[] t = bySource.computeIfAbsent(load.sourceName(), s -> new long[5]);
            if (IngestLoads.DUPLICATE.equals(load.status())) {
                t[1]++;
                continue;
            }
            t[0]++;
            t[2] += load.rowsRead() == null ? 0 : load.rowsRead();
            t[3] += load.rowsLoaded() == null ? 0 : load.rowsLoaded();
            t[4] += load.rowsRejected() == null ? 0 : load.rowsRejected();
        }
        List<SourceLine> lines = new ArrayList<>();
        bySource.forEach((source, t) -> lines.add(new SourceLine(source, (int) t[0], (int) t[1], t[2], t[3], t[4])));
        return new IngestSummary(lines);
    }

    public long totalRejected() {
        return sources.stream().mapToLong(SourceLine::rejected).sum();
    }

    public String format() {
        StringBuilder out = new StringBuilder(String.format("%-16s %6s %6s %10s %10s %9s%n", "source", "files", "dups",
                "read", "loaded", "rejected"));
        for (SourceLine line : sources) {
            out.append(String.format("%-16s %6d %6d %10d %10d %9d%s%n", line.source(), line.files(), line.duplicates(),
                    line.read(), line.loaded(), line.rejected(), line.balanced() ? "" : "  read != loaded + rejected!"));
        }
        return out.toString();
    }
}
