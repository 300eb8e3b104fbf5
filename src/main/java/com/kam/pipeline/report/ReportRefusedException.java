package com.kam.pipeline.report;

/** A report the stored figures cannot fill for the date: the run writes nothing and says what to run first. */
public class ReportRefusedException extends RuntimeException {

    public ReportRefusedException(String message) {
        super(message);
    }
}
