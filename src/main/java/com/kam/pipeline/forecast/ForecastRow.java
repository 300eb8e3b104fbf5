package com.kam.pipeline.forecast;

import java.math.BigDecimal;

/** One stored forecast: a method's P10/P50/P90 of an entity's won amount in a horizon. */
record ForecastRow(Horizon horizon, EntityKey entity, String entityName, Method method, BigDecimal closedWon,
                   BigDecimal p10, BigDecimal p50, BigDecimal p90, BigDecimal target) {
}
