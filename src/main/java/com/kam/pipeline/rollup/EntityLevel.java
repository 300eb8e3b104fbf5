package com.kam.pipeline.rollup;

/**
 * The entities figures are rolled up for. The organisation levels group rep-days by the rep's
 * team and region on each day; the customer levels group visits by the customer's class.
 */
enum EntityLevel {
    REP("rep_id", false),
    TEAM("team_code", false),
    REGION("region_code", false),
    COMPANY(null, false),
    CUSTOMER_CLASS("customer_class", true),
    ABC_CLASS("abc_class", true),
    SEGMENT("segment", true);

    /** The column holding the entity id; null for the company, whose id is ALL. */
    private final String column;
    final boolean byCustomer;

    EntityLevel(String column, boolean byCustomer) {
        this.column = column;
        this.byCustomer = byCustomer;
    }

    /** The SQL expression of the entity id in a table aliased {@code alias}. */
    String id(String alias) {
        return column == null ? "'ALL'" : alias + "." + column;
    }
}
