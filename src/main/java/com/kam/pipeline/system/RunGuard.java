package com.kam.pipeline.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One pipeline run at a time on a database, across processes and machines: a command that
 * changes the pipeline's data (a night, a job, a resend) holds the pipeline while it runs, so a
 * run typed by hand during the scheduled night, or a second {@code kam serve}, cannot interleave
 * with it and leave half of each. The hold is a lease in {@code run_lock} (ShedLock), renewed
 * while the run lives: a run killed outright frees the pipeline when its lease runs out.
 */
@Component
public class RunGuard {

    private static final String LOCK = "kam-pipeline";
    /** How long a dead run keeps the pipeline; a live one renews its lease well before. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** The process and machine in a holder's description ({@link #describe}). */
    private static final Pattern OWNER = Pattern.compile("\\(process (\\d+) on (.+?), started ");
    private static final Logger log = LoggerFactory.getLogger(RunGuard.class);

    /** The pipeline is held by another run. */
    public static class BusyException extends RuntimeException {
        BusyException(String message) {
            super(message);
        }
    }

    /** The pipeline, held until closed. */
    public final class Held implements AutoCloseable {
        private final SimpleLock lock;

        private Held(SimpleLock lock) {
            this.lock = lock;
            open.add(this);
        }

        @Override
        public void close() {
            if (open.remove(this)) {
                lock.unlock();
            }
        }
    }

    /** The holds of this process that are open. */
    private final Set<Held> open = ConcurrentHashMap.newKeySet();

    private final JdbcTemplate jdbc;
    private final KamProperties properties;
    /** How often a waiting run asks again. */
    private final Duration poll;
    private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kam-run-guard");
        thread.setDaemon(true);
        return thread;
    });

    public RunGuard(DataSource dataSource, KamProperties properties,
                    @Value("${kam.run-guard.poll:PT15S}") Duration poll) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.properties = properties;
        this.poll = poll;
    }

    /**
     * Whether this process holds the pipeline: then no other process runs any job on this
     * database, so a job execution left "started" by another process, even on another machine, is
     * one that died.
     */
    public boolean heldHere() {
        return !open.isEmpty();
    }

    /** Holds the pipeline for {@code run} (what is running, as a user would type it), or says who holds it. */
    public Held hold(String run) {
        return tryHold(run).orElseThrow(() -> new BusyException("another run holds the pipeline: " + holder()
                + ". Nothing was done; run this again when it has finished (kam runs lists the runs)."));
    }

    /**
     * Holds the pipeline for {@code run}, waiting while another run holds it, for at most
     * {@code patience}; tells {@code progress} what it waits for, once at first and then every
     * {@code report}.
     */
    public Held await(String run, Duration patience, Duration report, Consumer<String> progress)
            throws InterruptedException {
        Instant start = Instant.now();
        Instant nextReport = start;
        while (true) {
            Optional<Held> held = tryHold(run);
            if (held.isPresent()) {
                return held.get();
            }
            Instant now = Instant.now();
            if (!now.isBefore(start.plus(patience))) {
                throw new BusyException("another run held the pipeline for longer than " + patience.toMinutes()
                        + " minutes: " + holder());
            }
            if (!now.isBefore(nextReport)) {
                progress.accept("waiting for another run to finish: " + holder());
                nextReport = now.plus(report);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private Optional<Held> tryHold(String run) {
        Optional<Held> held = lock(run);
        return held.isEmpty() && releaseIfHolderIsGone() ? lock(run) : held;
    }

    /**
     * Releases the lease of a run of this machine whose process is gone (kill -9, Ctrl-C): the
     * pipeline is free at once rather than when the lease runs out. A run of another machine is
     * left to its lease. (Not released by a shutdown hook: a stopping process may still be writing.)
     */
    private boolean releaseIfHolderIsGone() {
        String holder = holder();
        if (!hasEnded(holder)) {
            return false;
        }
        log.warn("the run that held the pipeline is gone, its process has ended: {}", holder);
        return jdbc.update("UPDATE run_lock SET lock_until = ? WHERE name = ? AND locked_by = ?", utcNow(), LOCK, holder) == 1;
    }

    private Optional<Held> lock(String run) {
        String who = describe(run);
        JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(jdbc).withTableName("run_lock").withLockedByValue(who).forceUtcTimeZone().build());
        return new KeepAliveLockProvider(provider, renewals)
                .lock(new LockConfiguration(Instant.now(), LOCK, LEASE, Duration.ZERO)).map(lock -> new Held(lock));
    }

    /**
     * Whether the run a holder's description names was of this machine and its process has ended
     * (kill -9): the next command takes the pipeline over at once. Unknown for another machine's.
     */
    public static boolean hasEnded(String holder) {
        Matcher owner = OWNER.matcher(holder);
        return owner.find() && ThisProcess.ended(Long.parseLong(owner.group(1)), owner.group(2));
    }

    /** The run that holds the pipeline now, as it described itself; empty when none does. */
    public Optional<String> heldBy() {
        return jdbc.query("SELECT locked_by FROM run_lock WHERE name = ? AND lock_until > ?",
                rs -> rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty(), LOCK, utcNow());
    }

    /**
     * Leases are kept in UTC by each process's clock (ShedLock's forced UTC): a database's own
     * time would be the session's local time on H2, which differs between processes started in
     * different time zones.
     */
    private static LocalDateTime utcNow() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /** Who holds the pipeline, as that run described itself. */
    private String holder() {
        return jdbc.query("SELECT locked_by FROM run_lock WHERE name = ?", rs -> rs.next() ? rs.getString(1) : "a run that has just ended",
                LOCK);
    }

    /**
     * The run, its process and machine, and when it started in the company's time zone. Fits
     * locked_by (255): a long command line is shortened, never the owner part {@link #OWNER} reads.
     */
    private String describe(String run) {
        String owner = " (process " + ThisProcess.pid() + " on " + ThisProcess.host() + ", started "
                + DateTimeText.of(LocalDateTime.now(properties.zone())) + " " + properties.zone() + ")";
        int room = 255 - owner.length();
        return (run.length() <= room ? run : run.substring(0, Math.max(0, room - 3)) + "...") + owner;
    }
}
