package com.kam.pipeline.ingest;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs after the rows of one kind are stored, for all of the run's loads of that kind at once,
 * in one transaction: a newer load replaces what older loads of the same source held for the
 * same dates (a corrected file; for plans and reports, of the reps it has rows for on each date),
 * a file whose every row is rejected is refused ({@link EveryRowRejected}), stage changes are derived from
 * snapshots, the touched dates are recorded for recomputation, and each load's counts are
 * written. Set-based, so a night of hundreds of files costs a handful of statements; keyed by
 * load, so running it again after a crash gives the same result.
 */
class LoadSettler implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(LoadSettler.class);

    private final InputKind kind;
    private final KindTable table;
    private final IngestLoads loads;
    private final JdbcTemplate jdbc;
    /** Stage changes from snapshots share their table with the log; only the log's rows are this kind's. */
    private final String ownRows;

    LoadSettler(InputKind kind, IngestLoads loads, JdbcTemplate jdbc) {
        this.kind = kind;
        this.table = KindTable.of(kind);
        this.loads = loads;
        this.jdbc = jdbc;
        this.ownRows = kind == InputKind.STAGE_CHANGE ? " AND origin = 'LOG'" : "";
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        IngestParameters run = IngestParameters.of(chunkContext.getStepContext().getStepExecution());
        List<IngestLoads.Load> pending = loads.pending(run.jobInstanceId(), kind);
        if (pending.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        pending = EveryRowRejected.refuse(jdbc, loads, pending);
        if (kind == InputKind.ORG) {
            pending = refuseEmptyOrganisation(pending);
        }
        String ids = idList(pending);
        jdbc.update("DELETE FROM recompute_request WHERE load_id IN (" + ids + ")");
        List<IngestLoads.Load> refused = pending.stream().filter(l -> l.refusedReason() != null).toList();
        takeBack(refused);
        Map<Long, Integer> loaded;
        if (table.keptByKey()) {
            loaded = countByLoad("SELECT load_id, COUNT(*) FROM " + table.table + " WHERE load_id IN (" + ids + ") GROUP BY load_id");
            settleMasterData(pending, ids);
        } else {
            loaded = countByLoad("SELECT load_id, SUM(row_count) FROM ingest_load_date WHERE load_id IN (" + ids + ")"
                    + " GROUP BY load_id");
            List<IngestLoads.Load> taken = pending.stream().filter(l -> l.refusedReason() == null).toList();
            if (!taken.isEmpty()) {
                settleDated(taken, idList(taken));
            }
        }
        writeCounts(pending, ids, loaded);
        return RepeatStatus.FINISHED;
    }

    /**
     * An organisation file with no rows is refused: it is taken as the full extract, so settling it
     * would end every assignment (an export that failed half way writes just the header).
     */
    private List<IngestLoads.Load> refuseEmptyOrganisation(List<IngestLoads.Load> pending) {
        String reason = "no rows: an organisation file is the full extract, and an empty one would remove everyone;"
                + " check the export that wrote it";
        return pending.stream().map(load -> load.refusedReason() != null || (load.rowsRead() != null && load.rowsRead() > 0)
                ? load : loads.refuse(load, reason)).toList();
    }

    private static String idList(List<IngestLoads.Load> loads) {
        return String.join(",", loads.stream().map(l -> Long.toString(l.id())).toList());
    }

    /**
     * A file that could not be taken in whole replaces nothing: the dated rows it did read are
     * taken back (the rows held for those dates stay), and it stays in the inbox to be read again
     * once fixed. Master data rows read before the break stay (each is kept by its key), but an
     * organisation file is not taken as the full extract it should be.
     */
    private void takeBack(List<IngestLoads.Load> refused) {
        for (IngestLoads.Load load : refused) {
            String kept;
            if (table.keptByKey()) {
                int rows = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.table + " WHERE load_id = ?", Integer.class, load.id());
                kept = rows == 0 ? "nothing of it is loaded" : rows + " row(s) read before the problem are loaded (each"
                        + " replaces the row of its key)" + (kind == InputKind.ORG ? "; the earlier assignments are kept" : "");
                jdbc.update("DELETE FROM ingest_waiting WHERE load_id = ?", load.id());
            } else {
                // with its own rows go those of the same file's loads that a killed run left unsettled
                // (a forced run abandoned them; a load it settled would have replaced their dates)
                String loadsOfTheFile = "SELECT id FROM ingest_load WHERE id = ? OR (status = '" + IngestLoads.ABANDONED
                        + "' AND source_name = ? AND file_name = ?)";
                Object[] args = {load.id(), load.sourceName(), load.fileName()};
                List<LocalDate> snapshotDates = kind != InputKind.OPPORTUNITY ? List.of() : jdbc.queryForList(
                        "SELECT DISTINCT snapshot_date FROM opportunity_snapshot WHERE load_id IN (" + loadsOfTheFile + ")",
                        LocalDate.class, args);
                // a rollup run meanwhile (by hand, while the night was down) may have counted the abandoned
                // loads' rows: their dates are recomputed without them
                jdbc.update("INSERT INTO recompute_request (kind, data_date, load_id, reason, requested_at) SELECT DISTINCT kind,"
                        + " data_date, load_id, 'rows of an abandoned load taken back', ? FROM ingest_load_date"
                        + " WHERE load_id IN (" + loadsOfTheFile + ") AND load_id <> ?", now(), load.id(), load.sourceName(),
                        load.fileName(), load.id());
                jdbc.update("DELETE FROM " + table.table + " WHERE load_id IN (" + loadsOfTheFile + ")" + ownRows, args);
                // what was derived from the snapshot rows that went (and from those after them) is derived again
                deriveFromSnapshots(load.sourceName(), snapshotDates);
                jdbc.update("DELETE FROM ingest_load_date WHERE load_id IN (" + loadsOfTheFile + ")", args);
                jdbc.update("DELETE FROM ingest_waiting WHERE load_id IN (" + loadsOfTheFile + ")", args);
                kept = "nothing of it is loaded; the rows held for its dates are kept";
            }
            log.error("{} {}: REFUSED, {}: {}. {}", load.sourceName(), load.fileName(), kept, load.refusedReason(),
                    load.sha256() == null ? "Fix the source's query or mapping: it is read again on the next run"
                            : "Fix the file: it stays in the inbox and is read again on the next run");
        }
    }

    /** The stage changes and deal versions of the snapshot dates loaded or taken back, and of the snapshot after each. */
    private void deriveFromSnapshots(String source, List<LocalDate> snapshotDates) {
        if (!snapshotDates.isEmpty()) {
            StageChangesFromSnapshots.derive(jdbc, source, snapshotDates);
            OpportunityVersions.derive(jdbc, source, snapshotDates);
        }
    }

    private void settleMasterData(List<IngestLoads.Load> pending, String ids) {
        if (kind == InputKind.ORG) {
            // the organisation file is a full extract: assignments it no longer lists are gone
            for (IngestLoads.Load load : pending.stream().filter(l -> l.refusedReason() == null).toList()) {
                List<String> left = peopleLeftOut(load);
                int rejected = jdbc.queryForObject("SELECT COUNT(*) FROM ingest_reject WHERE load_id = ?", Integer.class,
                        load.id());
                if (rejected > 0 && !left.isEmpty()) {
                    // a rejected row may be one of those people (a blank email): the file is not the whole
                    // organisation, so they keep their earlier assignments; those it lists are replaced
                    log.warn("{} {}: {} of its rows are rejected, so it is not taken as the full organisation: the earlier"
                                    + " assignments of the {} people it does not list are kept: {}. Fix the rejected rows and drop"
                                    + " the file again", load.sourceName(), load.fileName(), rejected, left.size(), named(left));
                    List<Object> args = new ArrayList<>(List.of(load.sourceName(), load.id()));
                    args.addAll(left);
                    jdbc.update("DELETE FROM org_assignment WHERE source_name = ? AND load_id < ? AND employee_id NOT IN ("
                            + String.join(", ", left.stream().map(e -> "?").toList()) + ")", args.toArray());
                    continue;
                }
                if (!left.isEmpty()) {
                    log.warn("{} {}: it no longer lists {} people the earlier organisation file had: {}; their assignments are"
                                    + " gone (people who leave keep their rows, with valid_to). If the file is a partial export, put"
                                    + " the full file in the inbox again", load.sourceName(), load.fileName(), left.size(),
                            named(left));
                }
                jdbc.update("DELETE FROM org_assignment WHERE source_name = ? AND load_id < ?", load.sourceName(), load.id());
            }
        } else if (kind == InputKind.TARGET) {
            jdbc.update("INSERT INTO recompute_request (kind, data_date, load_id, reason, requested_at) SELECT DISTINCT ?,"
                    + " month_start, load_id, 'targets loaded', ? FROM sales_target WHERE load_id IN (" + ids + ")",
                    kind.code(), now());
        }
    }

    /**
     * Earlier rows a newer load replaces: those an older load held for a date, of the reps listed
     * (plans, reports; empty: the whole date), with their rows before and now by rep, and the reps
     * of the older load's date it keeps.
     */
    private record Replacement(long load, LocalDate date, long oldLoad, List<String> reps, Map<String, String> counts,
                               List<String> kept) {
    }

    private void settleDated(List<IngestLoads.Load> pending, String ids) {
        // an older load of the same source covering the same date: its rows there are replaced, for
        // plans and reports those of the reps the newer load has rows for (the rule: KindTable.repColumn)
        List<Replacement> replacements = new ArrayList<>();
        // per load and date: whether its rows are exactly those of the settled loads they replace
        Map<String, Boolean> unchanged = new TreeMap<>();
        Set<Long> tonight = new HashSet<>(pending.stream().map(IngestLoads.Load::id).toList());
        Map<String, Map<String, Integer>> repsOf = new HashMap<>();
        for (Map<String, Object> r : jdbc.queryForList("SELECT n.load_id, n.data_date, o.load_id AS old_load,"
                + " CASE WHEN n.row_count = o.row_count AND n.content_hash = o.content_hash THEN 1 ELSE 0 END AS same_rows"
                + " FROM ingest_load_date n JOIN ingest_load_date o ON o.source_name = n.source_name AND o.kind = n.kind"
                + " AND o.data_date = n.data_date AND o.load_id < n.load_id WHERE n.load_id IN (" + ids + ")"
                + " ORDER BY n.load_id, n.data_date, o.load_id")) {
            long load = ((Number) r.get("load_id")).longValue();
            LocalDate day = ((java.sql.Date) r.get("data_date")).toLocalDate();
            long oldLoad = ((Number) r.get("old_load")).longValue();
            // (a load of tonight replaced in turn was never rolled up: its rows are no baseline)
            boolean same = ((Number) r.get("same_rows")).intValue() == 1 && !tonight.contains(oldLoad);
            Replacement replacement;
            if (table.repColumn() == null) {
                replacement = new Replacement(load, day, oldLoad, List.of(), Map.of(), List.of());
            } else {
                Map<String, Integer> now = repsOf.computeIfAbsent(load + "|" + day, k -> rowsByRep(load, day));
                Map<String, Integer> before = rowsByRep(oldLoad, day);
                List<String> reps = new ArrayList<>(before.keySet());
                reps.retainAll(now.keySet());
                if (reps.isEmpty()) {
                    continue; // other reps' rows of the day: both loads' stay
                }
                Map<String, String> counts = new TreeMap<>();
                reps.forEach(rep -> counts.put(rep, before.get(rep) + " row(s), now " + now.get(rep)));
                List<String> kept = new ArrayList<>(before.keySet());
                kept.removeAll(now.keySet());
                replacement = new Replacement(load, day, oldLoad, reps, counts, kept);
                // the same rows again only if it has the same reps as the day it replaces
                same = same && before.keySet().equals(now.keySet());
            }
            replacements.add(replacement);
            unchanged.merge(load + "|" + day, same, Boolean::logicalAnd);
        }
        Map<String, Integer> replacedRows = new TreeMap<>();
        Map<Long, Integer> replacedOfLoad = new TreeMap<>();
        Map<Long, IngestLoads.Load> byId = new HashMap<>();
        pending.forEach(load -> byId.put(load.id(), load));
        for (Replacement r : replacements) {
            int rows = replace(r);
            replacedRows.merge(r.load() + "|" + r.date(), rows, Integer::sum);
            replacedOfLoad.merge(r.oldLoad(), rows, Integer::sum);
            if (rows > 0) {
                tellOfRepsKept(byId.get(r.load()), r);
            }
        }
        // the earlier loads keep the count they loaded; what later loads took of it is counted apart
        replacedOfLoad.forEach((load, rows) -> jdbc.update("UPDATE ingest_load SET rows_replaced = COALESCE(rows_replaced, 0) + ?"
                + " WHERE id = ?", rows, load));
        jdbc.update("INSERT INTO recompute_request (kind, data_date, load_id, reason, requested_at) SELECT DISTINCT kind, data_date,"
                + " load_id, 'new rows', ? FROM ingest_load_date WHERE load_id IN (" + ids + ")", now());
        Map<Long, Integer> sameDates = new HashMap<>();
        replacedRows.forEach((key, rows) -> {
            String[] parts = key.split("\\|");
            long load = Long.parseLong(parts[0]);
            LocalDate day = LocalDate.parse(parts[1]);
            if (unchanged.getOrDefault(key, false)) {
                // the same rows again: nothing for the rollups to recompute
                jdbc.update("DELETE FROM recompute_request WHERE load_id = ? AND data_date = ?", load, day);
                sameDates.merge(load, 1, Integer::sum);
            } else {
                jdbc.update("UPDATE recompute_request SET reason = ? WHERE load_id = ? AND data_date = ?",
                        "replaced " + rows + " rows of earlier loads", load, day);
            }
        });
        for (IngestLoads.Load load : pending) {
            if (sameDates.containsKey(load.id())) {
                log.info("{} {}: the rows of {} date(s) are those already loaded; only the other dates are recomputed",
                        load.sourceName(), load.fileName(), sameDates.get(load.id()));
            }
        }
        if (kind == InputKind.OPPORTUNITY) {
            Map<String, List<LocalDate>> datesBySource = new TreeMap<>();
            jdbc.query("SELECT source_name, data_date FROM ingest_load_date WHERE load_id IN (" + ids + ")", rs -> {
                datesBySource.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getDate(2).toLocalDate());
            });
            datesBySource.forEach(this::deriveFromSnapshots);
            for (IngestLoads.Load load : pending) {
                jdbc.queryForList("SELECT data_date FROM ingest_load_date WHERE load_id = ?", LocalDate.class, load.id())
                        .forEach(date -> warnOfOpenDealsLeftOut(load, date));
            }
        }
    }

    /**
     * A snapshot lists every open deal (and those closed lately), so an open deal of the snapshot
     * before that it no longer lists, neither won nor lost, is most likely a partial extract; the
     * forecasts as of that date would leave it out. Say which, loudly.
     */
    private void warnOfOpenDealsLeftOut(IngestLoads.Load load, LocalDate date) {
        LocalDate previous = jdbc.queryForObject("SELECT MAX(snapshot_date) FROM opportunity_snapshot WHERE source_name = ?"
                + " AND snapshot_date < ?", LocalDate.class, load.sourceName(), date);
        if (previous == null) {
            return;
        }
        List<String> left = jdbc.queryForList("SELECT p.opportunity_id FROM opportunity_snapshot p WHERE p.source_name = ?"
                + " AND p.snapshot_date = ? AND p.stage NOT IN ('WON', 'LOST') AND NOT EXISTS (SELECT 1 FROM"
                + " opportunity_snapshot c WHERE c.source_name = p.source_name AND c.snapshot_date = ?"
                + " AND c.opportunity_id = p.opportunity_id) ORDER BY p.opportunity_id", String.class, load.sourceName(),
                previous, date);
        if (!left.isEmpty()) {
            log.warn("{} {}: the snapshot of {} no longer lists {} open deal(s) of the snapshot of {}, neither won nor lost: {};"
                            + " the forecasts as of {} leave them out. If the file is a partial extract, put the full one in the"
                            + " inbox again", load.sourceName(), load.fileName(), date, left.size(), previous,
                    named(left), date);
        }
    }

    /**
     * The people the earlier organisation loads of the source list and this one does not. People
     * who leave keep their rows (with the day they left), so a file that no longer lists someone
     * at all is most likely a partial export (one region): the caller says who, loudly, before
     * their assignments go, so that an operator can put the full file back.
     */
    private List<String> peopleLeftOut(IngestLoads.Load load) {
        return jdbc.queryForList("SELECT DISTINCT o.employee_id FROM org_assignment o WHERE o.source_name = ?"
                + " AND o.load_id < ? AND NOT EXISTS (SELECT 1 FROM org_assignment n WHERE n.load_id = ?"
                + " AND n.employee_id = o.employee_id) ORDER BY o.employee_id", String.class, load.sourceName(), load.id(), load.id());
    }

    /** A load's rows of a date by rep, in rep order. */
    private Map<String, Integer> rowsByRep(long load, LocalDate day) {
        Map<String, Integer> rows = new TreeMap<>();
        jdbc.query("SELECT " + table.repColumn() + ", COUNT(*) FROM " + table.table + " WHERE load_id = ? AND "
                + table.dateColumn + " = ? GROUP BY " + table.repColumn(), rs -> {
                    rows.put(rs.getString(1), rs.getInt(2));
                }, load, day);
        return rows;
    }

    /** Deletes the earlier rows a replacement names, and their coverage; returns how many rows went. */
    private int replace(Replacement r) {
        List<Object> args = new ArrayList<>(List.of(r.oldLoad(), r.date()));
        String ofReps = "";
        if (table.repColumn() != null) {
            ofReps = " IN (" + String.join(", ", r.reps().stream().map(rep -> "?").toList()) + ")";
            args.addAll(r.reps());
        }
        int rows = jdbc.update("DELETE FROM " + table.table + " WHERE load_id = ? AND " + table.dateColumn + " = ?"
                + (ofReps.isEmpty() ? "" : " AND " + table.repColumn() + ofReps) + ownRows, args.toArray());
        if (r.kept().isEmpty()) {
            jdbc.update("DELETE FROM ingest_load_date WHERE load_id = ? AND data_date = ?", r.oldLoad(), r.date());
        } else {
            // what is left of its day is no longer what it loaded: a fingerprint of 0 matches no new load's
            jdbc.update("UPDATE ingest_load_date SET row_count = row_count - ?, content_hash = 0 WHERE load_id = ?"
                    + " AND data_date = ?", rows, r.oldLoad(), r.date());
            // (two loads of tonight may each take part of it: then nothing is left)
            jdbc.update("DELETE FROM ingest_load_date WHERE load_id = ? AND data_date = ? AND row_count <= 0", r.oldLoad(),
                    r.date());
        }
        return rows;
    }

    /**
     * A plans or reports file that has rows of some of the reps an earlier load had for a date
     * (a late report in the next day's export, one region's file, a file of added visits)
     * replaces those reps' rows of that day and keeps the others'. Say whose were replaced, with
     * their rows before and now, and whose were kept: a file meant to add to a rep's day (one
     * more planned visit) has replaced it.
     */
    private void tellOfRepsKept(IngestLoads.Load load, Replacement r) {
        if (table.repColumn() == null) {
            return;
        }
        List<String> kept = r.kept();
        if (kept.isEmpty()) {
            return; // every rep of the earlier load's day: a corrected file
        }
        List<String> replaced = r.reps().stream().map(rep -> rep + " (" + r.counts().get(rep) + ")").toList();
        log.warn("{} {}: for {} it replaces the rows of {} rep(s) that an earlier load (#{}) had: {}; that load's rows of the"
                        + " {} other rep(s) of that day are kept: {}. A file replaces, per date, the rows of the reps it has rows"
                        + " for: if it was meant to add to their day, put their full day in the inbox", load.sourceName(),
                load.fileName(), r.date(), r.reps().size(), r.oldLoad(), named(replaced), kept.size(), named(kept));
    }

    /** The first ten of the ids, and "..." for the rest. */
    private static String named(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(10, ids.size()))) + (ids.size() > 10 ? ", ..." : "");
    }

    private void writeCounts(List<IngestLoads.Load> pending, String ids, Map<Long, Integer> loaded) {
        Map<Long, Integer> rejected = countByLoad("SELECT load_id, COUNT(*) FROM ingest_reject WHERE load_id IN (" + ids + ")"
                + " GROUP BY load_id");
        Map<Long, Integer> waiting = countByLoad("SELECT load_id, COUNT(*) FROM ingest_waiting WHERE load_id IN (" + ids + ")"
                + " GROUP BY load_id");
        for (IngestLoads.Load load : pending) {
            int read = load.rowsRead() == null ? 0 : load.rowsRead();
            int in = loaded.getOrDefault(load.id(), 0);
            // (a refused load's rows are all rejected, for the reason that refused it)
            int out = load.refusedReason() != null ? read - in : rejected.getOrDefault(load.id(), 0);
            int later = waiting.getOrDefault(load.id(), 0);
            loads.markSettled(load, read, in, out, later);
            if (load.refusedReason() == null && read != in + out + later) {
                log.warn("{} {}: read {} rows but loaded {}, rejected {} and left {} for later nights", load.sourceName(),
                        load.fileName(), read, in, out, later);
            }
        }
        if (!table.keptByKey()) {
            // a dated load's rows that later loads replace are counted on it (see settleDated)
            jdbc.update("UPDATE ingest_load SET rows_replaced = COALESCE(rows_replaced, 0) WHERE id IN (" + ids + ")"
                    + " AND status = ?", IngestLoads.LOADED);
        }
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }

    private Map<Long, Integer> countByLoad(String sql) {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        return counts;
    }
}
