package com.kam.pipeline.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The business rules a parsed row must pass before it is stored: the people, customers and
 * opportunities it names exist (and the rep worked here that day), nothing is dated after the
 * business date, and closed opportunities say when they closed. Also fills derived fields.
 */
final class RowChecks {

    private final LocalDate businessDate;
    private final int planDaysAhead;
    private final int newDealWaitDays;
    private final ReferenceData references;

    RowChecks(LocalDate businessDate, int planDaysAhead, int newDealWaitDays, ReferenceData references) {
        this.businessDate = businessDate;
        this.planDaysAhead = planDaysAhead;
        this.newDealWaitDays = newDealWaitDays;
        this.references = references;
    }

    /**
     * The row as {@link CheckedRow.Waiting} when it is early rather than wrong, else null:
     * <ul>
     * <li>its file collects a month (named yyyy-MM, no day) and it is dated in that month but after
     * what tonight may load: a catch-up run that reads the month's file early must not lose the
     * later days (rows dated outside the file's month are checked, and rejected, as any other);</li>
     * <li>a stage change of a deal that no snapshot lists yet, up to {@code newDealWaitDays} after
     * its date: the log may run ahead of weekly snapshots.</li>
     * </ul>
     */
    CheckedRow.Waiting waiting(CheckedRow.Valid row) {
        InputKind kind = row.load().source().kind();
        KindTable table = KindTable.of(kind);
        if (table.keptByKey() || !(row.values()[table.dateFieldIndex()] instanceof LocalDate day)) {
            return null;
        }
        if (day.isAfter(latestDate(kind, businessDate, planDaysAhead))) {
            boolean inFileMonth = FileNameDate.month(row.load().fileName()).filter(m -> m.equals(YearMonth.from(day))).isPresent();
            return inFileMonth ? wait(row, day, "dated " + day + ", later than the night of " + businessDate
                    + " may load; loads on a later night") : null;
        }
        String opportunity = kind == InputKind.STAGE_CHANGE ? (String) row.get("opportunity_id") : null;
        LocalDate lastNight = day.plusDays(newDealWaitDays - 1L);
        if (opportunity != null && !references.isOpportunity(opportunity) && !businessDate.isAfter(lastNight)) {
            return wait(row, day, "opportunity " + opportunity + " is in no snapshot yet; waits for one up to the night of "
                    + lastNight + ", then is rejected as unknown");
        }
        return null;
    }

    /** The latest date a row of the kind may carry on the business date's night. */
    static LocalDate latestDate(InputKind kind, LocalDate businessDate, int planDaysAhead) {
        return kind == InputKind.VISIT_PLAN ? businessDate.plusDays(planDaysAhead) : businessDate;
    }

    /** Null when the row passes, else why not. */
    CheckedRow.Rejected check(CheckedRow.Valid row) {
        return switch (row.load().source().kind()) {
            case ORG -> checkOrg(row);
            case CUSTOMER -> deriveCustomerClasses(row);
            case TARGET -> checkTarget(row);
            case VISIT_PLAN -> checkPlan(row);
            case DAILY_REPORT -> checkReport(row);
            case OPPORTUNITY -> checkOpportunity(row);
            case STAGE_CHANGE -> checkStageChange(row);
        };
    }

    private CheckedRow.Rejected checkOrg(CheckedRow.Valid row) {
        LocalDate from = (LocalDate) row.get("valid_from");
        LocalDate to = (LocalDate) row.get("valid_to");
        if (to != null && to.isBefore(from)) {
            return reject(row, "valid_to", to, "valid_to " + to + " is before valid_from " + from);
        }
        if (row.get("language") == null) {
            row.set("language", "zh");
        }
        return null;
    }

    private CheckedRow.Rejected deriveCustomerClasses(CheckedRow.Valid row) {
        BigDecimal share = (BigDecimal) row.get("share_of_wallet");
        BigDecimal potential = (BigDecimal) row.get("annual_potential");
        if (row.get("abc_class") == null) {
            row.set("abc_class", CustomerClass.abcClass(share, potential));
        }
        return null;
    }

    private CheckedRow.Rejected checkTarget(CheckedRow.Valid row) {
        String rep = (String) row.get("rep_id");
        LocalDate month = (LocalDate) row.get("month");
        if (!references.isPerson(rep)) {
            return reject(row, "rep_id", rep, "unknown rep " + rep);
        }
        if (!references.isActiveBetween(rep, month, YearMonth.from(month).atEndOfMonth())) {
            return reject(row, "rep_id", rep, "rep " + rep + " is not in the organisation in " + YearMonth.from(month));
        }
        return null;
    }

    private CheckedRow.Rejected checkPlan(CheckedRow.Valid row) {
        LocalDate date = (LocalDate) row.get("plan_date");
        if (date.isAfter(latestDate(InputKind.VISIT_PLAN, businessDate, planDaysAhead))) {
            return reject(row, "plan_date", date, "plan for " + date + " is more than " + planDaysAhead
                    + " days after the business date " + businessDate);
        }
        CheckedRow.Rejected rep = checkRepActive(row, "rep_id", date);
        return rep != null ? rep : checkCustomer(row);
    }

    private CheckedRow.Rejected checkReport(CheckedRow.Valid row) {
        LocalDate date = (LocalDate) row.get("report_date");
        if (date.isAfter(businessDate)) {
            return reject(row, "report_date", date, "report dated " + date + ", after the business date " + businessDate);
        }
        CheckedRow.Rejected rep = checkRepActive(row, "rep_id", date);
        if (rep != null) {
            return rep;
        }
        return row.get("customer_id") == null ? null : checkCustomer(row);
    }

    private CheckedRow.Rejected checkOpportunity(CheckedRow.Valid row) {
        if (row.get("snapshot_date") == null) {
            row.set("snapshot_date", dateInFileName(row.load().fileName()));
        }
        LocalDate snapshot = (LocalDate) row.get("snapshot_date");
        if (snapshot.isAfter(businessDate)) {
            return reject(row, "snapshot_date", snapshot, "snapshot dated " + snapshot + ", after the business date " + businessDate);
        }
        String owner = (String) row.get("owner_id");
        if (!references.isPerson(owner)) {
            return reject(row, "owner_id", owner, "unknown rep " + owner);
        }
        String stage = (String) row.get("stage");
        if ((stage.equals("WON") || stage.equals("LOST")) && row.get("closed_date") == null) {
            return reject(row, "closed_date", null, "closed_date is required when the stage is " + stage);
        }
        return checkCustomer(row);
    }

    private CheckedRow.Rejected checkStageChange(CheckedRow.Valid row) {
        LocalDate date = (LocalDate) row.get("changed_on");
        if (date.isAfter(businessDate)) {
            return reject(row, "changed_on", date, "stage change dated " + date + ", after the business date " + businessDate);
        }
        String opportunity = (String) row.get("opportunity_id");
        if (!references.isOpportunity(opportunity)) {
            return reject(row, "opportunity_id", opportunity, "unknown opportunity " + opportunity);
        }
        return null;
    }

    private CheckedRow.Rejected checkRepActive(CheckedRow.Valid row, String field, LocalDate date) {
        String rep = (String) row.get(field);
        if (!references.isPerson(rep)) {
            return reject(row, field, rep, "unknown rep " + rep);
        }
        if (!references.isActive(rep, date)) {
            return reject(row, field, rep, "rep " + rep + " is not in the organisation on " + date);
        }
        return null;
    }

    private CheckedRow.Rejected checkCustomer(CheckedRow.Valid row) {
        String customer = (String) row.get("customer_id");
        return references.isCustomer(customer) ? null : reject(row, "customer_id", customer, "unknown customer " + customer);
    }

    /** A snapshot without a date column takes the date in its file name, else the business date. */
    private LocalDate dateInFileName(String fileName) {
        return FileNameDate.of(fileName).orElse(businessDate);
    }

    private static CheckedRow.Waiting wait(CheckedRow.Valid row, LocalDate date, String reason) {
        return new CheckedRow.Waiting(row.load(), row.line(), date, reason, row.raw());
    }

    static CheckedRow.Rejected reject(CheckedRow.Valid row, String field, Object value, String reason) {
        return new CheckedRow.Rejected(row.load(), row.line(), field, value == null ? null : value.toString(), reason, row.raw(), false);
    }
}
