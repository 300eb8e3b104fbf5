package com.kam.pipeline.report;

/** A template or resource bundle that cannot be used; the message names the file and the reason. */
public class ReportTemplateException extends RuntimeException {

    ReportTemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
