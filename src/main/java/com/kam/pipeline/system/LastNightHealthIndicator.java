package com.kam.pipeline.system;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code lastNight} in Actuator's health ({@code kam serve}): how the last night went, in its
 * details ({@link LastNight}). The status stays UP whatever the night: the service is up, and a
 * night that failed or completed with warnings is fixed by running it again, not by restarting
 * the service, which a monitor that restarts on DOWN would do. Monitors read {@code outcome}.
 */
@Component
class LastNightHealthIndicator extends AbstractHealthIndicator {

    private final LastNight lastNight;

    LastNightHealthIndicator(LastNight lastNight) {
        super("cannot read the last night from the database");
        this.lastNight = lastNight;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up();
        lastNight.read().ifPresentOrElse(night -> {
            health.withDetail("night", night.date().toString()).withDetail("outcome", night.outcome())
                    .withDetail("summary", night.summary());
            if (!night.warnings().isEmpty()) {
                health.withDetail("warnings", night.warnings());
            }
        }, () -> health.withDetail("outcome", "NONE").withDetail("summary", "no night has run yet"));
    }
}
