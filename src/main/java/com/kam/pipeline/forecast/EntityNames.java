package com.kam.pipeline.forecast;

import java.util.HashMap;
import java.util.Map;

/** Entity names on the as-of date, looked up once per run. */
final class EntityNames {

    private final Map<EntityKey, String> names = new HashMap<>();

    EntityNames(AsOfData data) {
        for (OrgEntry o : data.org().values()) {
            names.put(new EntityKey(EntityKey.REP, o.employeeId()), o.name());
            if (o.teamCode() != null && o.teamName() != null) {
                names.putIfAbsent(new EntityKey(EntityKey.TEAM, o.teamCode()), o.teamName());
            }
            if (o.regionCode() != null && o.regionName() != null) {
                names.putIfAbsent(new EntityKey(EntityKey.REGION, o.regionCode()), o.regionName());
            }
        }
    }

    String of(EntityKey key) {
        return key.type().equals(EntityKey.COMPANY) ? EntityKey.COMPANY_NAME : names.get(key);
    }
}
