package com.kam.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TimeZone;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;
import org.quartz.Scheduler;
import com.kam.pipeline.support.Tables;
import com.kam.pipeline.system.RunGuard;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The scheduler as operators rely on it: Quartz instances sharing the pipeline's database, set up
 * as `kam serve` sets them up (spring.quartz.* of application.yml, the schedules file, the
 * registrar), each firing recorded in schedule_run. Run on H2 and MariaDB by the subclasses.
 */
@SpringBootTest(properties = {"kam.cli.enabled=false", "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        "spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000", "kam.run-guard.poll=PT0.2S",
        "kam.delivery.outbox=true"})
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
@org.springframework.context.annotation.Import(ScheduleScenarios.Clocks.class)
abstract class ScheduleScenarios {

    /** The company's clock (kam.time-zone's now): the system's unless a test sets it. */
    static final com.kam.pipeline.support.SettableClock CLOCK = new com.kam.pipeline.support.SettableClock();

    @org.springframework.boot.test.context.TestConfiguration
    static class Clocks {
        @org.springframework.context.annotation.Bean
        Clock clock() {
            return CLOCK;
        }
    }

    static final Path SCHEDULES = tempFile();
    /** One schedule delivering the digests every second. */
    private static final String DIGESTS_EVERY_SECOND = """
            time-zone: Asia/Shanghai
            schedules:
              - name: digests
                cron: "* * * * * ?"
                jobs:
                  - job: deliver
                    parameters: {type: DIGEST}
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    QuartzProperties quartz;

    @Autowired
    ApplicationContext context;

    @Autowired
    ScheduleRegistrar registrar;

    private final List<SchedulerFactoryBean> started = new ArrayList<>();

    static void schedulesFile(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("kam.schedule.file", SCHEDULES::toString);
    }

    @BeforeEach
    void emptyStore() {
        Tables.empty(jdbc);
        for (String table : List.of("schedule_run", "delivery_log", "report_archive", "QRTZ_FIRED_TRIGGERS", "QRTZ_CRON_TRIGGERS",
                "QRTZ_SIMPLE_TRIGGERS", "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @AfterEach
    void stopSchedulers() throws Exception {
        for (SchedulerFactoryBean factory : started) {
            factory.destroy();
        }
        CLOCK.reset();
    }

    @Test
    void twoInstancesOnOneDatabaseRunEachFiringOnce() throws Exception {
        Files.writeString(SCHEDULES, """
                time-zone: Asia/Shanghai
                schedules:
                  - name: every-second
                    cron: "* * * * * ?"
                    jobs:
                      - job: deliver
                        parameters: {type: DIGEST}
                """);
        Scheduler a = scheduler("instance-a");
        Scheduler b = scheduler("instance-b");
        registrar.register(a);
        a.start();
        b.start();
        Thread.sleep(6000);
        a.standby();
        b.standby();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'RUNNING'") == 0);

        List<Map<String, Object>> firings = jdbc.queryForList(
                "SELECT scheduled_fire_time, COUNT(*) AS runs FROM schedule_run GROUP BY scheduled_fire_time");
        assertThat(firings.size()).as("firings in 6 s").isGreaterThanOrEqualTo(4);
        assertThat(firings).allSatisfy(f -> assertThat(((Number) f.get("runs")).intValue()).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM schedule_run WHERE outcome <> 'COMPLETED'")).isZero();
        // the first firing ran the deliver job for yesterday; the others found that date completed
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        assertThat(jdbc.queryForList("SELECT DISTINCT business_date FROM schedule_run", LocalDate.class))
                .allSatisfy(d -> assertThat(d).isIn(yesterday, yesterday.plusDays(1)));
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isBetween(1, 2);
    }

    @Test
    void nightsMissedWhileTheServiceWasDownRunAtStartOldestFirstEachOnce(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        Files.writeString(SCHEDULES, """
                time-zone: Asia/Shanghai
                schedules:
                  - name: nightly
                    cron: "0 30 1 * * ?"
                    jobs:
                      - job: deliver
                        parameters: {type: DIGEST}
                """);
        Instant installed = Instant.now().minus(Duration.ofDays(3));
        Scheduler service = scheduler("instance-a");
        // the service registered its schedule three days ago, then went down before the first night
        new ScheduleRegistrar(new ScheduleSettings(SCHEDULES), Clock.fixed(installed, ZoneId.of("UTC")), () -> java.time.DayOfWeek.MONDAY,
                ZoneId.of("Asia/Shanghai")).register(service);
        List<LocalDate> missed = missedBusinessDates(installed, Instant.now());
        assertThat(missed).hasSize(3);

        // it starts again: the same registration as `kam serve` does keeps the trigger, and the missed nights run
        registrar.register(service);
        service.start();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'COMPLETED'") >= missed.size());
        service.standby();

        assertThat(jdbc.queryForList("SELECT business_date FROM schedule_run ORDER BY id", LocalDate.class)).isEqualTo(missed);
        assertThat(jdbc.queryForList("SELECT outcome FROM schedule_run", String.class)).containsOnly("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_INSTANCE i"
                + " ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE i.JOB_NAME = 'deliver' AND e.STATUS = 'COMPLETED'"))
                .isEqualTo(missed.size());
        // the log gives fire times as schedules.yml writes them: in its zone, with the weekday
        assertThat(output.getAll()).containsPattern("schedule nightly \\(0 30 1 \\* \\* \\? Asia/Shanghai\\) registered; next"
                        + " firing [A-Z][a-z]{2} \\d{4}-\\d{2}-\\d{2} 01:30 Asia/Shanghai")
                .containsPattern("schedule nightly fired \\(due [A-Z][a-z]{2} \\d{4}-\\d{2}-\\d{2} 01:30 Asia/Shanghai\\)");
    }

    @Test
    void aFailingScheduleKeepsFiringAndDoesNotStopTheOthers() throws Exception {
        Files.writeString(SCHEDULES, DIGESTS_EVERY_SECOND + """
                  - name: weeklies
                    cron: "* * * * * ?"
                    jobs:
                      - job: deliver
                        parameters: {type: WEEKLY}
                """);
        // a digest whose PDF has gone missing: every digest delivery for yesterday fails
        LocalDate yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        jdbc.update("""
                INSERT INTO org_assignment (employee_id, valid_from, name, role, email, language, team_code, region_code,
                    source_name, load_id) VALUES ('L1', '2020-01-01', '林主任', 'TEAM_LEAD', 'lead@example.com', 'zh', 'T1', 'EAST', 'test', 0)""");
        for (LocalDate day : List.of(yesterday, yesterday.plusDays(1))) {
            jdbc.update("""
                    INSERT INTO report_archive (report_type, entity_type, entity_id, period_start, period_end, language, as_of,
                        business_date, file_path, sha256, bytes, pages, created_at)
                    VALUES ('DIGEST', 'TEAM', 'T1', ?, ?, 'zh', ?, ?, '/nonexistent/digest.pdf', REPEAT('0', 64), 1, 1, ?)""",
                    day, day, day, day, java.time.LocalDateTime.now());
        }
        Scheduler service = scheduler("instance-a");
        registrar.register(service);
        service.start();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE schedule_name = 'digests' AND outcome = 'FAILED'") >= 3
                && count("SELECT COUNT(*) FROM schedule_run WHERE schedule_name = 'weeklies' AND outcome = 'COMPLETED'") >= 3);
        service.standby();

        assertThat(jdbc.queryForList("SELECT DISTINCT outcome FROM schedule_run WHERE schedule_name = 'weeklies'", String.class))
                .doesNotContain("FAILED");
        assertThat(jdbc.queryForList("SELECT message FROM schedule_run WHERE schedule_name = 'digests' AND outcome = 'FAILED'",
                String.class)).allSatisfy(m -> assertThat(m).contains("is missing its file /nonexistent/digest.pdf"));
    }

    @Test
    void aFiringDueWhileAnotherRunHoldsThePipelineWaitsForIt() throws Exception {
        Files.writeString(SCHEDULES, DIGESTS_EVERY_SECOND);
        Scheduler service = scheduler("instance-a");
        registrar.register(service);
        try (RunGuard.Held byHand = context.getBean(RunGuard.class).hold("kam nightly --date 2026-10-31")) {
            service.start();
            waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'RUNNING'") == 1);
            Thread.sleep(1500);
            // the firing waits: no job of its own has started, and no later firing runs beside it
            assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isZero();
            assertThat(count("SELECT COUNT(*) FROM schedule_run")).isEqualTo(1);
        }
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'COMPLETED'") >= 1);
        service.standby();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'RUNNING'") == 0);
        assertThat(jdbc.queryForList("SELECT outcome FROM schedule_run", String.class)).containsOnly("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).isBetween(1, 2);
    }

    @Test
    void aFiringForADayThatHasNotEndedInTheCompanysTimeZoneRunsNothing() throws Exception {
        // schedules.yml in a zone ahead of the company's: "the day before the firing" there may be today in the company
        Files.writeString(SCHEDULES, DIGESTS_EVERY_SECOND.replace("time-zone: Asia/Shanghai", "time-zone: Pacific/Kiritimati"));
        // a company clock a day behind makes every firing's business date its today (or, after 18:00, tomorrow)
        CLOCK.set(Instant.now().minus(Duration.ofDays(1)));
        Scheduler service = scheduler("instance-a");
        registrar.register(service);
        service.start();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'FAILED'") >= 2);
        service.standby();
        waitUntil(() -> count("SELECT COUNT(*) FROM schedule_run WHERE outcome = 'RUNNING'") == 0);

        assertThat(jdbc.queryForList("SELECT DISTINCT outcome FROM schedule_run", String.class)).containsOnly("FAILED");
        assertThat(jdbc.queryForList("SELECT message FROM schedule_run", String.class)).allSatisfy(m -> assertThat(m)
                .containsPattern("^business date \\d{4}-\\d{2}-\\d{2} is (today|after today) \\(")
                .endsWith(" in Asia/Shanghai): a night is run for a day that has ended; the schedule fires in Pacific/Kiritimati"
                        + " (schedules.yml's time-zone): set it to the company's, or fire after midnight Asia/Shanghai. Nothing"
                        + " was run"));
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")).as("jobs started").isZero();
    }

    /** The business dates of the 01:30 Shanghai firings between two instants, worked out with Quartz's cron. */
    private static List<LocalDate> missedBusinessDates(Instant from, Instant to) throws Exception {
        CronExpression cron = new CronExpression("0 30 1 * * ?");
        cron.setTimeZone(TimeZone.getTimeZone("Asia/Shanghai"));
        List<LocalDate> dates = new ArrayList<>();
        for (Date next = cron.getNextValidTimeAfter(Date.from(from)); !next.toInstant().isAfter(to);
             next = cron.getNextValidTimeAfter(next)) {
            dates.add(next.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().minusDays(1));
        }
        return dates;
    }

    /** A Quartz scheduler configured as the application's (spring.quartz.*), on the same database. */
    private Scheduler scheduler(String instanceId) throws Exception {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        Properties properties = new Properties();
        properties.putAll(quartz.getProperties());
        properties.put("org.quartz.scheduler.instanceId", instanceId);
        factory.setQuartzProperties(properties);
        factory.setDataSource(dataSource);
        factory.setTransactionManager(transactions);
        factory.setSchedulerName("kam-pipeline");
        SpringBeanJobFactory jobs = new SpringBeanJobFactory();
        jobs.setApplicationContext(context);
        factory.setJobFactory(jobs);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(true);
        factory.afterPropertiesSet();
        started.add(factory);
        return factory.getScheduler();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 30 s");
            }
            Thread.sleep(100);
        }
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("schedules", ".yml");
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
