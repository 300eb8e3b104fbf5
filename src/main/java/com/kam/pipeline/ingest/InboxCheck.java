package com.kam.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code kam check} says of the inbox: whether each file waiting there is matched by exactly
 * one source mapping, as tonight's ingest will need. A file several patterns match is left in the
 * inbox by every night until one pattern is narrowed; a file none matches is left there too.
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
        for (Path file : files) {
            List<Source> matching = catalog.matching(file);
            if (matching.size() > 1) {
                throw new IllegalStateException(inbox.resolve(file.getFileName()) + " matches the file-pattern of several sources ("
                        + String.join(", ", matching.stream().map(Source::name).toList()) + "): narrow one, or the file stays"
                        + " in the inbox unread");
            }
            if (matching.isEmpty()) {
                unmatched.add(file.getFileName().toString());
            }
        }
        String line = files.size() + " file(s) waiting in " + inbox + ", " + (files.size() - unmatched.size())
                + " with their source";
        return unmatched.isEmpty() ? line : line + "; no source matches " + String.join(", ", unmatched)
                + " (left in the inbox)";
    }
}
