package com.kam.pipeline.forecast;

import java.util.ArrayList;
import java.util.List;

/** An entity figures are kept for: a rep, a team, a region or the whole company ({@code ALL}). */
record EntityKey(String type, String id) {

    static final String REP = "REP";
    static final String TEAM = "TEAM";
    static final String REGION = "REGION";
    static final String COMPANY = "COMPANY";
    static final EntityKey ALL = new EntityKey(COMPANY, "ALL");

    /** The entities a rep's figures roll up to, with the team and region valid on the as-of date. */
    static List<EntityKey> of(String repId, String teamCode, String regionCode) {
        List<EntityKey> keys = new ArrayList<>(4);
        keys.add(new EntityKey(REP, repId));
        if (teamCode != null) {
            keys.add(new EntityKey(TEAM, teamCode));
        }
        if (regionCode != null) {
            keys.add(new EntityKey(REGION, regionCode));
        }
        keys.add(ALL);
        return keys;
    }

    static List<EntityKey> of(Deal deal) {
        return of(deal.ownerId(), deal.teamCode(), deal.regionCode());
    }

    static final String COMPANY_NAME = "全公司";
}
