package com.kam.pipeline.forecast;

import java.nio.file.Path;

/** The forecast settings file cannot be used; the message names the file, the line and the reason. */
public class ForecastConfigException extends com.kam.pipeline.system.ConfigException {

    public ForecastConfigException(Path file, int line, String reason) {
        super(file, line, reason);
    }
}
