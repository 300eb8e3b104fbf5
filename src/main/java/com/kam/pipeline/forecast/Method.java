package com.kam.pipeline.forecast;

/** The forecasting methods, each stored separately (column {@code method}). */
public enum Method {
    WEIGHTED, LEARNED, TIME_SERIES, CATEGORY, COMBINED
}
