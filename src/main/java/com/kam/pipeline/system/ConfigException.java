package com.kam.pipeline.system;

import java.nio.file.Path;

/** A configuration file that cannot be used; the message names the file, the line and the reason. */
public class ConfigException extends RuntimeException {

    public ConfigException(Path file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
    }
}
