package com.kam.pipeline.forecast;

/** A person's assignment on the as-of date (org_assignment valid then). */
record OrgEntry(String employeeId, String name, String teamCode, String teamName, String regionCode, String regionName) {
}
