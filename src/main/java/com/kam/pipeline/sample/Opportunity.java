package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * One simulated opportunity with its whole life as a list of versions: each version is what the
 * CRM shows from its {@code from} date on, so a snapshot is just the version in force that day.
 */
record Opportunity(String id, String customerId, String name, String productLine, LocalDate created,
        List<Version> versions) {

    record Version(LocalDate from, Stage stage, long amount, LocalDate expectedClose, String forecast,
            String lossReason, String competitor, String ownerId) {

        Version withOwner(String owner, LocalDate from) {
            return new Version(from, stage, amount, expectedClose, forecast, lossReason, competitor, owner);
        }
    }

    /** The version in force on {@code day}, or null before the opportunity existed. */
    Version asOf(LocalDate day) {
        Version current = null;
        for (Version v : versions) {
            if (v.from().isAfter(day)) {
                break;
            }
            current = v;
        }
        return current;
    }

    /** The day it was won or lost (a later version may only change the owner), or null while open. */
    LocalDate closedOn() {
        for (Version v : versions) {
            if (v.stage().closed()) {
                return v.from();
            }
        }
        return null;
    }
}
