package com.kam.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inbox files an export may still be writing, on the real file system. */
class SettledFilesTest {

    private static final Duration SETTLE = Duration.ofMillis(600);
    private static final Duration WAIT = Duration.ofSeconds(3);

    @TempDir
    Path inbox;

    @Test
    void aFileLastChangedLongAgoIsTakenAtOnceAndOneJustWrittenOnceItHasBeenQuietForTheSettleTime() throws Exception {
        Path old = write("daily_reports_2026-05-10.csv", "rep_id\n");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        long start = System.nanoTime();
        assertThat(SettledFiles.of(List.of(old), SETTLE, WAIT)).containsExactly(old);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SETTLE);

        Path fresh = write("daily_reports_2026-05-11.csv", "rep_id\n");
        start = System.nanoTime();
        assertThat(SettledFiles.of(List.of(old, fresh), SETTLE, WAIT)).containsExactly(old, fresh);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(SETTLE.minusMillis(50));
    }

    @Test
    void aFileBeingWrittenIsTakenWhenTheWriterHasFinishedWithAllItsRows() throws Exception {
        Path file = write("daily_reports_2026-05-11.csv", "rep_id,report_date\n");
        Thread writer = new Thread(() -> append(file, 8, new AtomicBoolean(true)));
        writer.start();

        List<Path> settled = SettledFiles.of(List.of(file), SETTLE, WAIT);

        assertThat(settled).containsExactly(file);
        assertThat(writer.isAlive()).isFalse();
        assertThat(Files.readAllLines(file)).hasSize(9);
    }

    @Test
    void aFileStillChangingAfterTheWaitIsLeftForTheNextRunAndTheOthersAreTaken() throws Exception {
        Path growing = write("daily_reports_2026-05-11.csv", "rep_id,report_date\n");
        Path done = write("visit_plans_2026-05-11.csv", "rep_id\n");
        Files.setLastModifiedTime(done, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> append(growing, Integer.MAX_VALUE, writing));
        writer.start();
        try {
            assertThat(SettledFiles.of(List.of(growing, done), SETTLE, Duration.ofMillis(1500))).containsExactly(done);
            assertThat(growing).exists();
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void aFileDatedAheadOfThisClockIsTakenOnceQuietNotLeftWaiting() throws Exception {
        // a file share whose clock runs an hour ahead
        Path file = write("customers.csv", "customer_id\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
        assertThat(SettledFiles.of(List.of(file), SETTLE, WAIT)).containsExactly(file);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(inbox.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** Appends a row every 50 ms, {@code rows} times or until told to stop. */
    private static void append(Path file, int rows, AtomicBoolean writing) {
        try {
            for (int i = 0; i < rows && writing.get(); i++) {
                Thread.sleep(50);
                Files.writeString(file, "R00" + i + ",2026-05-11\n", StandardOpenOption.APPEND);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
