package com.kam.pipeline.forecast;

import java.math.BigDecimal;

/** An open deal among the largest contributors to a forecast, with what it adds to the P50. */
record ContributorRow(Horizon horizon, EntityKey entity, Method method, int rank, Deal deal, BigDecimal contribution) {
}
