package com.kam.pipeline.schedule;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The schedule_run table: one row per firing, with the instance that ran it and how it ended. */
@Repository
class ScheduleRuns {

    private final JdbcTemplate jdbc;

    ScheduleRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long started(String schedule, Date scheduledFireTime, String instanceId, LocalDate businessDate) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("""
                    INSERT INTO schedule_run (schedule_name, scheduled_fire_time, fired_at, instance_id, business_date, outcome)
                    VALUES (?, ?, ?, ?, ?, 'RUNNING')""", new String[] {"id"});
            ps.setString(1, schedule);
            ps.setTimestamp(2, new Timestamp(scheduledFireTime.getTime()));
            ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
            ps.setString(4, instanceId);
            ps.setObject(5, businessDate);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void finished(long id, String outcome, String message) {
        jdbc.update("UPDATE schedule_run SET outcome = ?, message = ?, finished_at = ? WHERE id = ?", outcome,
                message == null || message.length() <= 2000 ? message : message.substring(0, 2000), LocalDateTime.now(), id);
    }
}
