package com.kam.pipeline.ingest;

import com.kam.pipeline.system.KamProperties;
import org.springframework.stereotype.Component;

/**
 * The configured sources, read from the mapping folder on first use, so that the command line
 * can report a bad mapping file as a usage error rather than a start-up failure.
 */
@Component
public class Sources {

    private final KamProperties properties;
    private volatile SourceCatalog catalog;

    public Sources(KamProperties properties) {
        this.properties = properties;
    }

    /** The catalog; throws {@link MappingException} naming file, line and reason if a file is bad. */
    public SourceCatalog catalog() {
        if (catalog == null) {
            catalog = SourceCatalog.load(properties.sources());
        }
        return catalog;
    }
}
