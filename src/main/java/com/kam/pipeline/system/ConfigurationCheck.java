package com.kam.pipeline.system;

/**
 * A configuration file a feature reads under {@code jobs/}. Commands that run jobs check every
 * one before starting anything, so a malformed file is refused at start (exit code 2) with its
 * file, line and reason rather than failing a job halfway through the night.
 */
public interface ConfigurationCheck {

    /** Throws {@link ConfigException} naming file, line and reason when the file is bad. */
    void check();
}
