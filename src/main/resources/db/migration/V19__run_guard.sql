-- One pipeline run at a time on a database (RunGuard, through ShedLock): the row of the run that
-- holds the pipeline, with who it is; a run that dies leaves a lease that runs out on its own.
-- DATETIME, not TIMESTAMP: MariaDB gives a table's first TIMESTAMP column ON UPDATE CURRENT_TIMESTAMP.
CREATE TABLE run_lock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
