package com.kam.pipeline.system;

/**
 * Marks a command that changes nothing in the database (it reads it, or does not use it):
 * starting it does not migrate the schema ({@link SchemaMigration}), so checking a new release
 * against a database does not upgrade that database; the command is told the schema's state instead.
 */
public interface ReadsOnly {
}
