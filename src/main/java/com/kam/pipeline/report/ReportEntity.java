package com.kam.pipeline.report;

/**
 * Whom a report is about: a rep, a team or a region.
 *
 * @param type REP, TEAM or REGION (as in report_archive.entity_type)
 */
public record ReportEntity(String type, String id, String name) {

    public String label() {
        return name == null || name.isBlank() ? type + " " + id : name + " (" + id + ")";
    }
}
