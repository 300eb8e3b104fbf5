package com.kam.pipeline.forecast;

import java.util.List;

/** The open funnel stages in order (the stage codes the ingest stores), and the closed outcomes. */
public enum Stage {
    IDENTIFIED, CONTACTED, QUALIFIED, DEVELOPED, COMMITTED;

    static final String WON = "WON";
    static final String LOST = "LOST";
    static final List<Stage> OPEN = List.of(values());

    int order() {
        return ordinal() + 1;
    }

    static Stage of(String code) {
        return valueOf(code);
    }

    static boolean isOpen(String code) {
        for (Stage s : values()) {
            if (s.name().equals(code)) {
                return true;
            }
        }
        return false;
    }
}
