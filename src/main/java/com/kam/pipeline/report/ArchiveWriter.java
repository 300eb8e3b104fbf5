package com.kam.pipeline.report;

import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk's PDFs in report_archive. */
class ArchiveWriter implements ItemWriter<List<ArchivedReport>> {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ArchiveWriter.class);

    private final ReportArchive archive;

    ArchiveWriter(ReportArchive archive) {
        this.archive = archive;
    }

    @Override
    public void write(Chunk<? extends List<ArchivedReport>> chunk) {
        List<ArchivedReport> older = archive.record(chunk.getItems().stream().flatMap(List::stream).toList());
        if (!older.isEmpty()) {
            ArchivedReport first = older.get(0);
            log.info("{} PDF(s) kept on disk only, not archived for delivery: the archive holds their period as of a later"
                    + " date (first: {})", older.size(), first.pdf().file());
        }
    }
}
