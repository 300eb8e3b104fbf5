package com.kam.pipeline.report;

import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Records a chunk's PDFs in report_archive. */
class ArchiveWriter implements ItemWriter<List<ArchivedReport>> {

    private final ReportArchive archive;

    ArchiveWriter(ReportArchive archive) {
        this.archive = archive;
    }

    @Override
    public void write(Chunk<? extends List<ArchivedReport>> chunk) {
        archive.record(chunk.getItems().stream().flatMap(List::stream).toList());
    }
}
