package com.kam.pipeline.report;

import com.kam.pipeline.system.JobRunner;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;

/**
 * Streams the candidates of one report type from the database (a cursor, never the whole list in
 * memory); reads nothing when the run does not make this type.
 */
class EntityReader implements ItemStreamReader<ReportEntity>, StepExecutionListener {

    static final String OUT = "out";
    static final String TYPES = "types";
    static final String LANGUAGES = "languages";
    static final String WEEK_START = "week-start";

    private final ReportContent content;
    private final DataSource dataSource;
    private volatile ReportRun run;
    private JdbcCursorItemReader<ReportEntity> cursor;

    EntityReader(ReportContent content, DataSource dataSource) {
        this.content = content;
        this.dataSource = dataSource;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        run = runOf(stepExecution.getJobExecution().getJobParameters());
    }

    static ReportRun runOf(JobParameters parameters) {
        LocalDate date = parameters.getLocalDate(JobRunner.BUSINESS_DATE);
        List<ReportType> types = Arrays.stream(parameters.getString(TYPES, "").split(","))
                .filter(s -> !s.isBlank()).map(ReportType::valueOf).toList();
        List<String> languages = Arrays.stream(parameters.getString(LANGUAGES, "zh").split(","))
                .filter(s -> !s.isBlank()).toList();
        return new ReportRun(date, types, languages, Path.of(parameters.getString(OUT, "out")),
                DayOfWeek.valueOf(parameters.getString(WEEK_START, DayOfWeek.MONDAY.name())));
    }

    ReportRun run() {
        return run;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (!run.types().contains(content.type())) {
            cursor = null;
            return;
        }
        ReportPeriod period = run.period(content.type());
        ReportContent.EntityQuery query = content.candidates(period, period.asOf(run.businessDate()));
        cursor = new JdbcCursorItemReaderBuilder<ReportEntity>()
                .name("report-" + content.type().folder() + "-entities")
                .dataSource(dataSource)
                .sql(query.sql())
                .preparedStatementSetter(new ArgumentPreparedStatementSetter(query.args()))
                .rowMapper((rs, row) -> new ReportEntity(rs.getString("entity_type"), rs.getString("entity_id"),
                        rs.getString("entity_name")))
                .fetchSize(200)
                .verifyCursorPosition(false) // MariaDB's streaming result set reports no row number
                .saveState(false)
                .build();
        cursor.open(executionContext);
    }

    @Override
    public ReportEntity read() throws Exception {
        return cursor == null ? null : cursor.read();
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }
}
