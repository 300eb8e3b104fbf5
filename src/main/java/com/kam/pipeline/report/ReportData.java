package com.kam.pipeline.report;

import java.util.List;
import java.util.Map;

/**
 * What one report about one entity shows, read from the stored figures: the template's
 * parameters (header figures and the rows of its smaller tables and charts) and the rows of its
 * main table.
 */
public record ReportData(Map<String, Object> parameters, List<Map<String, ?>> rows) {
}
