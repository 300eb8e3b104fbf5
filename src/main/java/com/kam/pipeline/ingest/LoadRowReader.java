package com.kam.pipeline.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of every pending load of one kind, load after load in claim order, parsed into
 * typed values and checked by the {@link RowValidator} (or a reject saying why). Its position (which load, how many
 * rows of it) is saved with each chunk, so a restarted step resumes after the last committed row.
 */
class LoadRowReader implements ItemStreamReader<CheckedRow>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(LoadRowReader.class);

    private static final String LOAD_INDEX = "load.index";
    private static final String LOAD_ROWS = "load.rows";

    private final InputKind kind;
    private final Sources sources;
    private final IngestLoads loads;
    private final RowValidator validator;

    private IngestParameters run;
    private List<IngestLoads.Load> pending;
    private int index;
    private long rowsInLoad;
    private PrefetchingRowSource current;
    private Progress progress;

    LoadRowReader(InputKind kind, Sources sources, IngestLoads loads, RowValidator validator) {
        this.kind = kind;
        this.validator = validator;
        this.sources = sources;
        this.loads = loads;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        run = IngestParameters.of(stepExecution);
        pending = loads.pending(run.jobInstanceId(), kind);
        progress = new Progress(kind);
    }

    @Override
    public void open(ExecutionContext context) {
        index = context.getInt(LOAD_INDEX, 0);
        rowsInLoad = context.getLong(LOAD_ROWS, 0);
        current = null;
    }

    @Override
    public CheckedRow read() throws Exception {
        if (current == null) {
            if (index >= pending.size()) {
                return null;
            }
            if (rowsInLoad > 0) {
                checkUnchangedSinceClaimed(pending.get(index));
            }
            current = new PrefetchingRowSource(i -> openLoad(pending.get(i)), index, pending.size(), rowsInLoad, kind.code(),
                    validator::check);
        }
        Object item;
        while ((item = current.next()) instanceof PrefetchingRowSource.LoadEnd end) {
            loads.recordRowsRead(pending.get(end.index()).id(), end.rows());
            progress.fileDone(end.index() + 1, pending.size(), end.rows());
            index = end.index() + 1;
            rowsInLoad = 0;
        }
        if (item == null) {
            return null;
        }
        rowsInLoad++;
        return (CheckedRow) item;
    }

    /**
     * A restarted run resumes a file after its last committed row: only if the file is the one it
     * began loading. An export that overwrote it meanwhile would otherwise give a load whose first
     * rows come from one file and the rest from another.
     */
    private void checkUnchangedSinceClaimed(IngestLoads.Load load) throws IOException {
        Path file = run.inbox().resolve(load.fileName());
        if (load.sha256() != null && Files.isRegularFile(file) && !InboxClaimTasklet.sha256(file).equals(load.sha256())) {
            throw new IllegalStateException(load.fileName() + " has changed since this run began loading it (" + rowsInLoad
                    + " rows of its earlier content are loaded), and a run cannot resume into a different file: put the"
                    + " earlier file back and run the same command again, or run it with --force to load the inbox afresh");
        }
    }

    private RowSource openLoad(IngestLoads.Load load) throws IOException {
        Source source = sources.catalog().byName(load.sourceName());
        LoadRef ref = new LoadRef(load.id(), source, load.fileName(), run.inbox().resolve(load.fileName()));
        return new UntilFileProblem(source.type() == Source.SourceType.JDBC ? new JdbcRowSource(ref, run.businessDate())
                : openFile(ref));
    }

    /** A file's rows as its source reads them; one problem row when it cannot be opened at all. */
    static RowSource openFile(LoadRef ref) {
        try {
            return ref.source().type() == Source.SourceType.XLSX ? new XlsxRowSource(ref) : new CsvRowSource(ref);
        } catch (TextEncoding.MixedEncoding e) {
            return new UnreadableFile(SourceRow.fileProblem(ref, e.line, null, null, e.getMessage()));
        } catch (IOException e) {
            return new UnreadableFile(SourceRow.fileProblem(ref, 1, null, null, "unreadable file: " + e.getMessage()));
        }
    }

    /**
     * Ends a source at a problem that refuses the whole file (see {@link SourceRow#fileProblem}):
     * its other rows are not read, so a bad header gives one reject, not one per row every night.
     */
    static final class UntilFileProblem implements RowSource {
        private final RowSource rows;
        private boolean refused;

        UntilFileProblem(RowSource rows) {
            this.rows = rows;
        }

        @Override
        public SourceRow next() throws IOException {
            if (refused) {
                return null;
            }
            SourceRow row = rows.next();
            refused = row != null && row.problem() != null && row.problem().wholeFile();
            return row;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(LOAD_INDEX, index);
        context.putLong(LOAD_ROWS, rowsInLoad);
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException(e);
            }
            current = null;
        }
    }

    /** The loads read so far, in a progress line ({@link com.kam.pipeline.system.ProgressLine}). */
    private static final class Progress {
        private final InputKind kind;
        private final com.kam.pipeline.system.ProgressLine line = new com.kam.pipeline.system.ProgressLine(log);
        private long rows;

        Progress(InputKind kind) {
            this.kind = kind;
        }

        void fileDone(int done, int of, long rowsOfFile) {
            rows += rowsOfFile;
            line.step(done == of && of > 1, "{}: {} of {} loads read, {} rows", kind.code(), done, of, rows);
        }
    }

    /** A file that cannot be opened at all reads as one problem row, so the reason is kept. */
    private static final class UnreadableFile implements RowSource {
        private SourceRow row;

        UnreadableFile(SourceRow row) {
            this.row = row;
        }

        @Override
        public SourceRow next() {
            SourceRow next = row;
            row = null;
            return next;
        }

        @Override
        public void close() {
        }
    }
}
