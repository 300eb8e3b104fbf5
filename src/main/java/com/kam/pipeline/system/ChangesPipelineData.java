package com.kam.pipeline.system;

/**
 * Marks a command that changes the pipeline's data: the command line holds the pipeline
 * ({@link RunGuard}) while it runs, so it never interleaves with another such run.
 */
public interface ChangesPipelineData {
}
