package com.kam.pipeline.bench;

import com.kam.pipeline.report.ReportJobParameters;
import com.kam.pipeline.report.ReportStepFactory;
import com.kam.pipeline.report.ReportTemplates;
import com.kam.pipeline.report.ReportType;
import com.kam.pipeline.system.KamCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kam bench report}: a month's rep scorecards rendered by the report job's own step, for
 * N reps written straight into the (empty) database: PDFs per second single-threaded and with the
 * multi-threaded step, then peak memory at N and at a larger count with the multi-threaded step.
 */
@Component
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Scorecard PDFs per second single- and multi-threaded, and peak memory at two rep counts.")
public class ReportBenchmark implements Callable<Integer> {

    private static final LocalDate MONTH = LocalDate.of(2026, 5, 1);
    private static final LocalDate MONTH_END = LocalDate.of(2026, 5, 31);
    private static final int WARM_UP = 40;

    @Option(names = "--reps", defaultValue = "1000", description = "reps for the speed runs")
    int reps;

    @Option(names = "--memory-reps", defaultValue = "10000", description = "reps for the second memory run (0 = skip)")
    int memoryReps;

    @Option(names = "--threads", defaultValue = "2", description = "threads of the multi-threaded step")
    int threads;

    @Option(names = "--work", description = "folder for the PDFs (default: a temporary folder, deleted after each run)")
    Path work;

    @Spec
    CommandSpec spec;

    private final JdbcTemplate jdbc;
    private final ReportStepFactory steps;
    private final ReportTemplates templates;
    private final JobRepository repository;
    private final JobOperator operator;

    public ReportBenchmark(JdbcTemplate jdbc, ReportStepFactory steps, ReportTemplates templates, JobRepository repository,
                           JobOperator operator) {
        this.jdbc = jdbc;
        this.steps = steps;
        this.templates = templates;
        this.repository = repository;
        this.operator = operator;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Integer people = jdbc.queryForObject("SELECT COUNT(*) FROM org_assignment", Integer.class);
        if (people != null && people > 0) {
            spec.commandLine().getErr().println("bench report needs an empty database; this one already holds " + people
                    + " people. Point SPRING_DATASOURCE_URL at a new database.");
            return KamCommand.BAD_USAGE;
        }
        out.printf("machine: %d cores, load average %.2f before the run, max heap (-Xmx) %d MB, database %s%n",
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() >> 20, jdbc.getDataSource() == null ? "?" : databaseName());
        templates.load(List.of("zh"));
        ReportBenchCompany company = new ReportBenchCompany(jdbc, MONTH);
        long started = System.nanoTime();
        company.addReps(0, WARM_UP);
        run(1, 0, out); // warm-up on a few reps: class loading, font and template caches, JIT; not reported
        company.addReps(WARM_UP, reps);
        out.printf("wrote the scorecard figures of %d reps in %.1f s%n", reps, seconds(started));
        Measured single = run(1, reps, out);
        Measured multi = run(threads, reps, out);
        out.printf("speed-up with %d threads: %.2fx (goal >= 1.7x on 2 cores)%n", threads, multi.perSecond() / single.perSecond());
        if (memoryReps > reps) {
            started = System.nanoTime();
            company.addReps(reps, memoryReps);
            out.printf("wrote the figures of %d more reps in %.1f s%n", memoryReps - reps, seconds(started));
            Measured large = run(threads, memoryReps, out);
            out.printf("peak live heap: %d MB at %d reps, %d MB at %d reps (goal: does not grow with the reps)%n",
                    multi.peakLiveMb(), reps, large.peakLiveMb(), memoryReps);
        }
        out.printf("load average after the run: %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.flush();
        return KamCommand.DONE;
    }

    /** One run's figures: PDFs, seconds, peak heap used and peak live heap (old generation after a collection). */
    record Measured(long pdfs, double seconds, long peakHeapMb, long peakLiveMb) {
        double perSecond() {
            return pdfs / seconds;
        }
    }

    private Measured run(int threadCount, int expected, PrintWriter out) throws Exception {
        jdbc.update("DELETE FROM report_archive");
        Path folder = work != null ? work : Files.createTempDirectory("kam-bench-report");
        System.gc();
        MemorySampler sampler = new MemorySampler();
        Thread sampling = new Thread(sampler, "bench-memory");
        sampling.setDaemon(true);
        sampling.start();
        long started = System.nanoTime();
        Job job = new JobBuilder("bench-report-" + threadCount + "t", repository)
                .start(steps.scorecardStep("bench-scorecards-" + threadCount + "t", threadCount)).build();
        JobExecution execution = operator.start(job, ReportJobParameters.of(MONTH_END, List.of(ReportType.SCORECARD),
                List.of("zh"), folder, System.nanoTime()));
        double seconds = seconds(started);
        sampler.stop();
        sampling.join();
        long pdfs = jdbc.queryForObject("SELECT COUNT(*) FROM report_archive", Long.class);
        if (work == null) {
            deleteTree(folder);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("bench run ended " + execution.getStatus() + ": " + execution.getAllFailureExceptions());
        }
        Measured measured = new Measured(pdfs, seconds, sampler.peakHeap.get() >> 20, sampler.peakLive.get() >> 20);
        if (expected > 0) {
            out.printf("%d thread(s), %d reps: %d PDFs in %.1f s = %.1f PDFs/s; peak heap used %d MB, peak live heap %d MB%n",
                    threadCount, expected, pdfs, seconds, measured.perSecond(), measured.peakHeapMb(), measured.peakLiveMb());
        }
        return measured;
    }

    private String databaseName() {
        try (var connection = jdbc.getDataSource().getConnection()) {
            return connection.getMetaData().getDatabaseProductName() + " " + connection.getMetaData().getDatabaseProductVersion();
        } catch (java.sql.SQLException e) {
            return "?";
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /**
     * Samples the heap every 20 ms: the most used at any moment (garbage included); and every two
     * seconds forces a collection and reads what is left, the live set the run keeps (the same
     * cost on every run, so the speed figures stay comparable). The second is an upper bound: a
     * requested collection is skipped while native PDF compression holds the GC locker. Run the
     * benchmark with a small -Xmx as well: finishing 10x the reps in the same heap is the proof.
     */
    static final class MemorySampler implements Runnable {
        final AtomicLong peakHeap = new AtomicLong();
        final AtomicLong peakLive = new AtomicLong();
        private volatile boolean running = true;

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            long ticks = 0;
            while (running) {
                peakHeap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (++ticks % 100 == 0) {
                    System.gc();
                    peakLive.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
