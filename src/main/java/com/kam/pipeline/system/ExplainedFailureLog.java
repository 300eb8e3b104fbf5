package com.kam.pipeline.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps Spring Batch's reports of an {@link ExplainedFailure} out of the log: it logs the exception
 * of a failed step with its stack trace (a chunk's twice), dozens of lines around a message that
 * says all there is to say, which {@link JobRunner} logs in one line instead. Other failures keep
 * Spring Batch's report. Installed as each start has set up logging (META-INF/spring.factories).
 */
class ExplainedFailureLog implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            // once, also when the logging of an earlier start in this JVM (a test's) is still set up
            logback.getTurboFilterList().removeIf(Filter.class::isInstance);
            logback.addTurboFilter(new Filter());
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1; // after logging is set up, which resets the filters
    }

    static final class Filter extends TurboFilter {
        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            return t != null && logger.getName().startsWith("org.springframework.batch.") && ExplainedFailure.in(t).isPresent()
                    ? FilterReply.DENY : FilterReply.NEUTRAL;
        }
    }
}
