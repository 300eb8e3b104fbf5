package com.kam.pipeline.ingest;

import java.nio.file.Path;

/** A mapping file that cannot be used; the message names the file, the line and the reason. */
public class MappingException extends com.kam.pipeline.system.ConfigException {

    public MappingException(Path file, int line, String reason) {
        super(file, line, reason);
    }
}
