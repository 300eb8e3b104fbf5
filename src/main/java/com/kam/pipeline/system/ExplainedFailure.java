package com.kam.pipeline.system;

import java.util.Optional;

/**
 * A failure whose message says what went wrong and what to do (a MariaDB setting to change, with
 * the statement): reported in that one line, without a stack trace, which would only bury it.
 * Printed as its message alone (a command's "failed: ..." line, a job's exit description), logged
 * once by {@link JobRunner}; Spring Batch's own report of it is kept out of the log
 * ({@link ExplainedFailureLog}).
 */
public class ExplainedFailure extends RuntimeException {

    protected ExplainedFailure(String message) {
        super(message, null, false, false);
    }

    /** The explained failure among {@code failure} and its causes, if any. */
    public static Optional<ExplainedFailure> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ExplainedFailure explained) {
                return Optional.of(explained);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
