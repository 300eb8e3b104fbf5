package com.kam.pipeline.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.UnaryOperator;

/**
 * Reads, parses and checks the rows of a run of loads on a background thread, ahead of the chunk
 * being written, so that decoding, parsing and validating overlap the database storing the
 * previous chunk. Items come out in order: checked rows, and a {@link LoadEnd} after the last row
 * of each load.
 * Rows travel in batches, so the hand-over costs little per row.
 */
final class PrefetchingRowSource implements AutoCloseable {

    /** Opens a load's rows; called on the background thread, in load order. */
    interface Opener {
        RowSource open(int loadIndex) throws Exception;
    }

    /** The last row of load {@code index} has been handed out; it had {@code rows} rows. */
    record LoadEnd(int index, long rows) {
    }

    private static final List<Object> END = List.of();
    private static final int BATCH = 512;
    // about two chunks ahead, so reading goes on while a whole chunk is being stored
    private static final int BATCHES_AHEAD = 80;

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private final UnaryOperator<CheckedRow> check;
    private volatile boolean closed;
    private Iterator<Object> batch = java.util.Collections.emptyIterator();
    private boolean ended;

    /**
     * Starts at load {@code firstIndex}, skipping its first {@code skipRows} rows (committed before
     * a restart); each parsed row goes through {@code check} on the background thread.
     */
    PrefetchingRowSource(Opener opener, int firstIndex, int loadCount, long skipRows, String name,
                         UnaryOperator<CheckedRow> check) {
        this.check = check;
        thread = new Thread(() -> run(opener, firstIndex, loadCount, skipRows), "kam-read-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Opener opener, int firstIndex, int loadCount, long skipRows) {
        List<Object> out = new ArrayList<>(BATCH);
        try {
            for (int index = firstIndex; index < loadCount && !closed; index++) {
                long rows = index == firstIndex ? skipRows : 0;
                try (RowSource source = opener.open(index)) {
                    for (long skipped = 0; skipped < rows && source.next() != null; skipped++) {
                        // already committed before a restart
                    }
                    SourceRow row;
                    while (!closed && (row = source.next()) != null) {
                        out.add(check.apply(RowParser.parse(row)));
                        rows++;
                        if (out.size() == BATCH) {
                            queue.put(out);
                            out = new ArrayList<>(BATCH);
                        }
                    }
                }
                out.add(new LoadEnd(index, rows));
                queue.put(out);
                out = new ArrayList<>(BATCH);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            out.add(e);
            queue.offer(out);
        }
    }

    /** The next parsed row or load end, or null when every load has been read. */
    Object next() throws Exception {
        while (!batch.hasNext()) {
            if (ended) {
                return null;
            }
            List<Object> next = queue.take();
            if (next == END) {
                ended = true;
                return null;
            }
            batch = next.iterator();
        }
        Object item = batch.next();
        if (item instanceof Exception e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        return item;
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        thread.interrupt();
        thread.join(10_000);
    }
}
