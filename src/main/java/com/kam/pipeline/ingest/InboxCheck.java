package com.kam.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code kam check} says of the inbox: whether each file waiting there is matched by exactly
 * one source mapping, as tonight's ingest will need, and can be read whole (see
 * {@link SourceRow#fileProblem}). A file several patterns match is left in the
 * inbox by every night until one pattern is narrowed; a file none matches is left there too.
 * A file whose every row its formats reject would be refused too ({@link EveryRowRejected}).
 */
public final class InboxCheck {

    private InboxCheck() {
    }

    /** A line on the files waiting; throws {@link IllegalStateException} naming a file several sources match. */
    public static String describe(SourceCatalog catalog, Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            return "no inbox folder " + inbox + " yet";
        }
        List<Path> files = InboxClaimTasklet.filesIn(inbox);
        List<String> unmatched = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Path file : files) {
            List<Source> matching = catalog.matching(file);
            if (matching.size() > 1) {
                throw new IllegalStateException(inbox.resolve(file.getFileName()) + " matches the file-pattern of several sources ("
                        + String.join(", ", matching.stream().map(Source::name).toList()) + "): narrow one, or the file stays"
                        + " in the inbox unread");
            }
            if (matching.isEmpty()) {
                unmatched.add(file.getFileName().toString());
            } else {
                String refusal = refusal(matching.get(0), inbox.resolve(file.getFileName()));
                if (refusal != null) {
                    refused.add(inbox.resolve(file.getFileName()) + ": " + refusal);
                }
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(String.join("; ", refused) + " (the ingest would refuse "
                    + (refused.size() == 1 ? "it" : "them") + ")");
        }
        String line = files.size() + " file(s) waiting in " + inbox + ", " + (files.size() - unmatched.size())
                + " with their source";
        return unmatched.isEmpty() ? line : line + "; no source matches " + String.join(", ", unmatched)
                + " (left in the inbox)";
    }

    /**
     * Why the ingest would refuse the file as a whole, read and parsed as it would: a problem that
     * spoils the file ({@link SourceRow#fileProblem}), or every row rejected by its formats
     * ({@link EveryRowRejected}; rows that only the database can reject, such as an unknown rep,
     * are found by the ingest). Null if it would not.
     */
    private static String refusal(Source source, Path file) {
        LoadRef ref = new LoadRef(0, source, file.getFileName().toString(), file);
        try (RowSource rows = LoadRowReader.openFile(ref)) {
            long read = 0;
            boolean anyParsed = false;
            Map<String, Long> rejected = new TreeMap<>();
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                if (row.problem() != null && row.problem().wholeFile()) {
                    return row.problem().reason();
                }
                read++;
                if (!anyParsed && RowParser.parse(row) instanceof CheckedRow.Rejected r) {
                    rejected.merge(r.reason(), 1L, Long::sum);
                } else {
                    anyParsed = true;
                }
            }
            return read > 0 && !anyParsed ? EveryRowRejected.reason(rejected, read) : null;
        } catch (IOException e) {
            return "unreadable file: " + e.getMessage();
        }
    }
}
