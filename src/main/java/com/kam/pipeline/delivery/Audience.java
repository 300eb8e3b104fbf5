package com.kam.pipeline.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Who, relative to a report's entity, a distribution rule sends it to (jobs/distribution.yml, "to"). */
enum Audience {
    SELF, MANAGER_CHAIN, TEAM_LEAD, REGION_MANAGER, DIRECTOR;

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<Audience> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Audience::code).toList());
    }
}
