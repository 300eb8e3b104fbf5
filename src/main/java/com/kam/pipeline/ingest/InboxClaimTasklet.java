package com.kam.pipeline.ingest;

import com.kam.pipeline.system.KamProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * First step of an ingest run: registers every inbox file that a source claims (and every
 * JDBC source) as a load. A file whose exact content was already loaded for its source is
 * registered as a duplicate and only archived. Files that no source claims stay in the inbox, and
 * so do files named for a day after the business date (for visit plans, after the days plans may
 * be filed ahead): they wait for that day's night (several days' drops waiting for a catch-up run
 * would otherwise all go to its first night, and their rows be refused as dated after it). A
 * dated file named for a month (a stage-change log) that starts after that waits too; one for the
 * current month is read, and its later rows wait for their nights ({@link CheckedRow.Waiting}).
 * A file an export may still be writing is read once it has stopped changing ({@link SettledFiles}).
 */
class InboxClaimTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(InboxClaimTasklet.class);

    private final Sources sources;
    private final IngestLoads loads;
    private final KamProperties.Ingest settings;

    InboxClaimTasklet(Sources sources, IngestLoads loads, KamProperties.Ingest settings) {
        this.sources = sources;
        this.loads = loads;
        this.settings = settings;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        IngestParameters run = IngestParameters.of(chunkContext.getStepContext().getStepExecution());
        int abandoned = loads.abandonOthers(run.jobInstanceId(), run.businessDate());
        if (abandoned > 0) {
            log.info("{} load(s) that an earlier run of {} left unfinished are marked {}: this run reads their files anew",
                    abandoned, run.businessDate(), IngestLoads.ABANDONED);
        }
        SourceCatalog catalog = sources.catalog();
        List<Source> all = catalog.sources();
        Map<Path, Source> claimed = new LinkedHashMap<>();
        for (Path file : inboxFiles(run.inbox())) {
            List<Source> matching = catalog.matching(file);
            if (matching.isEmpty()) {
                log.warn("{}: no source mapping matches this file; left in the inbox", file.getFileName());
                continue;
            }
            if (matching.size() > 1) {
                log.warn("{}: several sources match this file ({}); left in the inbox until one pattern is narrowed",
                        file.getFileName(), matching.stream().map(Source::name).toList());
                continue;
            }
            Source source = matching.get(0);
            String name = file.getFileName().toString();
            Optional<LocalDate> day = FileNameDate.of(name);
            LocalDate latest = RowChecks.latestDate(source.kind(), run.businessDate(), settings.planDaysAhead());
            if (day.isPresent() && day.get().isAfter(latest)) {
                log.info("{}: dated {}, after the business date {}; left in the inbox for that night", name, day.get(),
                        run.businessDate());
                continue;
            }
            Optional<YearMonth> month = FileNameDate.month(name);
            if (month.isPresent() && !KindTable.of(source.kind()).keptByKey() && month.get().atDay(1).isAfter(latest)) {
                log.info("{}: for {}, after the business date {}; left in the inbox for that month", name, month.get(),
                        run.businessDate());
                continue;
            }
            claimed.put(file, source);
        }
        Map<String, Long> claimedNow = new HashMap<>();
        for (Path file : SettledFiles.of(List.copyOf(claimed.keySet()), settings.settle(), settings.settleWait())) {
            Source source = claimed.get(file);
            String name = file.getFileName().toString();
            String sha = sha256(file);
            Long earlier = claimedNow.get(source.name() + sha);
            if (earlier == null) {
                earlier = loads.loadedWithChecksum(source, sha).orElse(null);
            }
            if (earlier != null) {
                loads.create(run.jobInstanceId(), run.businessDate(), source, name, sha, IngestLoads.DUPLICATE, earlier);
                log.info("{}: same content as load #{} of source {}; not loaded again", name, earlier, source.name());
            } else {
                claimedNow.put(source.name() + sha, loads.create(run.jobInstanceId(), run.businessDate(), source, name, sha,
                        IngestLoads.PENDING, null));
            }
        }
        for (Source source : all) {
            if (source.type() == Source.SourceType.JDBC) {
                loads.create(run.jobInstanceId(), run.businessDate(), source, "jdbc:" + source.name(), null,
                        IngestLoads.PENDING, null);
            }
        }
        return RepeatStatus.FINISHED;
    }

    private static List<Path> inboxFiles(Path inbox) throws IOException {
        if (!Files.isDirectory(inbox)) {
            log.warn("inbox {} does not exist; nothing to read from files", inbox.toAbsolutePath());
            return List.of();
        }
        return filesIn(inbox);
    }

    /** The files an ingest of this inbox looks at: its regular files, hidden ones aside. */
    static List<Path> filesIn(Path inbox) throws IOException {
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
