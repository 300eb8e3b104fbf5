package com.kam.pipeline.ingest;

/** How a canonical field's text is parsed. */
enum FieldType {
    TEXT, DATE, DATETIME, TIME, MONTH, MONEY, COUNT, PERCENT, YES_NO, CODE
}
