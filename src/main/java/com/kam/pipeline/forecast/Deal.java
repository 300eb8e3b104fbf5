package com.kam.pipeline.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One opportunity as known on the as-of date: its latest row in the snapshots up to then, the
 * team and region of its owner on the as-of date, when it entered each stage (from the stage
 * history up to then) and how its expected close date moved.
 */
record Deal(String id, String name, String customerId, String ownerId, String teamCode, String regionCode,
            String productLine, BigDecimal amount, String stage, LocalDate expectedClose, LocalDate created,
            LocalDate closed, String forecastCategory, Map<Stage, LocalDate> entered, LocalDate lastChange,
            LocalDate firstExpectedClose, int pushCount) {

    boolean open() {
        return Stage.isOpen(stage);
    }

    boolean won() {
        return Stage.WON.equals(stage);
    }

    Stage openStage() {
        return Stage.of(stage);
    }

    /** When the deal entered a stage: the stage history, or the created date for the first stage. */
    LocalDate enteredOn(Stage s) {
        LocalDate d = entered.get(s);
        return d == null && s == Stage.IDENTIFIED ? created : d;
    }

    /** Highest stage reached: a won deal reached them all; otherwise the furthest stage with an entry date. */
    int reachedOrder() {
        if (won()) {
            return Stage.OPEN.size() + 1;
        }
        int reached = open() ? openStage().order() : 1;
        for (Stage s : entered.keySet()) {
            reached = Math.max(reached, s.order());
        }
        return reached;
    }

    /** Days spent in a stage of a closed deal, until the next stage entered or the close. */
    Integer daysIn(Stage s) {
        LocalDate from = enteredOn(s);
        if (from == null) {
            return null;
        }
        LocalDate to = closed;
        for (int i = s.ordinal() + 1; i < Stage.OPEN.size(); i++) {
            LocalDate next = entered.get(Stage.OPEN.get(i));
            if (next != null) {
                to = next;
                break;
            }
        }
        if (to == null || to.isBefore(from)) {
            return null;
        }
        return (int) (to.toEpochDay() - from.toEpochDay());
    }

    /** Open deal: when it entered its current stage (last entry, else created). */
    LocalDate currentStageSince() {
        LocalDate d = enteredOn(openStage());
        return d != null ? d : created;
    }
}
