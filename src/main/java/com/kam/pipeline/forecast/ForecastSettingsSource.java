package com.kam.pipeline.forecast;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Where the forecast settings live ({@code kam.forecast.config}, default jobs/forecast.yml); read afresh for each run. */
@Component
public class ForecastSettingsSource implements com.kam.pipeline.system.ConfigurationCheck {

    private final Path file;

    ForecastSettingsSource(@Value("${kam.forecast.config:jobs/forecast.yml}") Path file) {
        this.file = file;
    }

    public ForecastSettings read() {
        return ForecastSettingsFile.read(file);
    }

    @Override
    public void check() {
        read();
    }
}
