package com.kam.pipeline.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generator run wrote: data rows per input kind (org, customer, target, visit_plan,
 * daily_report, opportunity, stage_change; injected bad rows included) and the number of files.
 */
public record GenerationSummary(Map<String, Long> rowsPerKind, int files) {

    public GenerationSummary {
        rowsPerKind = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerKind));   // keeps the kinds' order
    }
}
