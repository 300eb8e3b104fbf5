package com.kam.pipeline.rollup;

/**
 * The entities figures are rolled up for. The organisation levels group rep-days by the rep's
 * team and region on each day; the customer levels group visits by the customer's class.
 */
enum EntityLevel {
    REP,
    TEAM,
    REGION,
    COMPANY,
    CUSTOMER_CLASS,
    ABC_CLASS,
    SEGMENT
}
