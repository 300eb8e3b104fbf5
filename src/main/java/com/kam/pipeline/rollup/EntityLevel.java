package com.kam.pipeline.rollup;

/**
 * The entities figures are rolled up for. The organisation levels group rep-days by the rep's
 * team and region on each day; the customer levels group visits by the customer's class.
 */
enum EntityLevel {
    REP("f.rep_id", false),
    TEAM("f.team_code", false),
    REGION("f.region_code", false),
    COMPANY("'ALL'", false),
    CUSTOMER_CLASS("cu.customer_class", true),
    ABC_CLASS("cu.abc_class", true),
    SEGMENT("cu.segment", true);

    /** The SQL expression of the entity id. */
    final String idExpression;
    final boolean byCustomer;

    EntityLevel(String idExpression, boolean byCustomer) {
        this.idExpression = idExpression;
        this.byCustomer = byCustomer;
    }
}
