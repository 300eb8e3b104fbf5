-- V41 added open_received as TEXT (64 KB on MariaDB); a rep with many complaints open for a long
-- time can outgrow it, so it is MEDIUMTEXT. (V41 was first widened in place after a stop had
-- applied it; it is back as applied, and system/EditedMigrations sets the checksum of a database
-- that applied the widened V41 back to the file's.) Runs on MariaDB and on H2 in MariaDB mode.
ALTER TABLE rollup_complaint_day MODIFY open_received MEDIUMTEXT;
