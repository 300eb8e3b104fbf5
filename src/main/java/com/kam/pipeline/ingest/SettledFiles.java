package com.kam.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox files that are complete: an export may still be writing a file when the night
 * starts, and a file read half-written would load half a day and archive the rest unread. A file
 * last changed more than {@code settle} ago is taken at once; a younger one (or one dated ahead
 * of this machine's clock, as a file share's may be) is watched until its size and time have not
 * changed for {@code settle}. Files still changing after {@code wait} are left in the inbox, with a
 * warning, for the next run.
 */
final class SettledFiles {

    private static final Logger log = LoggerFactory.getLogger(SettledFiles.class);
    private static final Duration LOOK_AGAIN = Duration.ofMillis(250);

    private SettledFiles() {
    }

    /** Size and modification time, which change while a file is written, and since when they have not. */
    private record Look(long size, Instant modified, Instant quietSince) {
        boolean sameFile(Look other) {
            return size == other.size && modified.equals(other.modified);
        }
    }

    static List<Path> of(List<Path> files, Duration settle, Duration wait) throws IOException, InterruptedException {
        Instant start = Instant.now();
        Map<Path, Look> changing = new HashMap<>();
        for (Path file : files) {
            Look look = look(file, start);
            if (look.quietSince().isAfter(start.minus(settle))) {
                changing.put(file, look);
            }
        }
        if (!changing.isEmpty()) {
            log.info("{} changed in the last {}: waiting until it stops changing", names(changing.keySet()), text(settle));
        }
        while (!changing.isEmpty() && Instant.now().isBefore(start.plus(wait))) {
            Thread.sleep(Math.min(LOOK_AGAIN.toMillis(), Math.max(1, settle.toMillis())));
            Instant now = Instant.now();
            for (Path file : new ArrayList<>(changing.keySet())) {
                if (!Files.exists(file)) {
                    changing.remove(file);
                    continue;
                }
                Look look = look(file, now);
                if (!look.sameFile(changing.get(file))) {
                    changing.put(file, look);
                } else if (!now.isBefore(changing.get(file).quietSince().plus(settle))) {
                    changing.remove(file);
                }
            }
        }
        List<Path> settled = new ArrayList<>();
        for (Path file : files) {
            if (changing.containsKey(file)) {
                log.warn("{}: still being written after {}; left in the inbox for the next run", file.getFileName(), text(wait));
            } else if (Files.exists(file)) {
                settled.add(file);
            }
        }
        return settled;
    }

    /** A file's look now: quiet since its modification time, or since now if that is ahead of this clock. */
    private static Look look(Path file, Instant now) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return new Look(Files.size(file), modified, modified.isAfter(now) ? now : modified);
    }

    private static String text(Duration duration) {
        return duration.toMinutes() > 0 ? duration.toMinutes() + " min"
                : duration.toSeconds() > 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The first few names, and how many more. */
    private static String names(java.util.Collection<Path> files) {
        List<String> names = files.stream().map(f -> f.getFileName().toString()).sorted().toList();
        return names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more files";
    }
}
