package com.kam.pipeline.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A mapping file under {@code jobs/sources/} as written; {@link Source} is its checked form. */
record SourceMappingFile(
        String name,
        String kind,
        String type,
        @JsonProperty("file-pattern") String filePattern,
        String encoding,
        String delimiter,
        String sheet,
        @JsonProperty("date-formats") List<String> dateFormats,
        @JsonProperty("datetime-formats") List<String> datetimeFormats,
        Map<String, String> columns,
        @JsonProperty("ignore-columns") List<String> ignoreColumns,
        Map<String, Map<String, String>> values,
        Jdbc jdbc,
        String sql,
        String description) {

    record Jdbc(String url, String username, String password) {
    }
}
