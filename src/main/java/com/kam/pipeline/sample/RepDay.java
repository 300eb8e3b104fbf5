package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One rep's working day: the visit plan (每日拜访计划表) and the report (每日销售报告表) that
 * follows it. Most planned visits happen, a few are dropped or swapped for unplanned ones;
 * some days are leave, and on some days the rep never files a report.
 */
final class RepDay {

    static final List<String> PLAN_HEADER = List.of("rep_id", "plan_date", "customer_id", "purpose", "planned_time",
            "area");
    static final List<String> REPORT_HEADER = List.of("rep_id", "report_date", "customer_id", "visit_time", "purpose",
            "outcome", "effective", "order_amount", "gross_margin", "payment_collected", "expense", "submitted_at",
            "attendance", "complaints_received", "complaints_resolved", "competitor_info", "customer_feedback", "notes");

    private static final long STREAM = 4;
    private static final double[] PURPOSE_WEIGHTS = {0.14, 0.08, 0.14, 0.26, 0.07, 0.18, 0.13};
    private static final String[] DISTRICTS = {"市区", "高新区", "开发区", "新区", "经开区"};

    /** The rows of the day; reportRows is empty when the rep did not report. */
    record Rows(List<List<String>> planRows, List<List<String>> reportRows) {
    }

    private record Visit(Customers.Customer customer, int purpose, LocalTime time) {
    }

    private final long seed;

    RepDay(long seed) {
        this.seed = seed;
    }

    /** {@code backlog}: the rep's complaints still open, resolved on a later reported day with visits. */
    Rows generate(Org.Rep rep, LocalDate day, List<Customers.Customer> customers, RepHabits habits,
                  ComplaintBacklog backlog) {
        Rng rng = new Rng(seed, STREAM, rep.index(), day.toEpochDay());
        int attendance = rng.weighted(0.025, 0.01, 0.05, 0.915);
        String attendanceText = new String[] {"请假", "病假", "出差", "出勤"}[attendance];
        boolean missing = rng.chance(0.03);
        String submitted = Fmt.dateTime(submittedAt(rng, day));
        List<List<String>> plan = new ArrayList<>();
        List<List<String>> report = new ArrayList<>();
        if (attendance <= 1 || customers.isEmpty()) {
            if (!missing) {
                report.add(List.of(rep.id(), day.toString(), "", "", "", "", "", "", "", "", "", submitted,
                        customers.isEmpty() ? "出勤" : attendanceText, "0", "0", "", "",
                        VisitTexts.leaveNote(rng, attendance == 1)));
            }
            return new Rows(plan, report);
        }
        double p = Math.min(0.95, Math.max(0.1, 0.5 * Seasons.weekday(day) * Seasons.month(day)));
        List<Visit> planned = plannedVisits(rng, customers, Math.min(2 + rng.binomial(4, p), customers.size()));
        for (Visit v : planned) {
            plan.add(List.of(rep.id(), day.toString(), v.customer().id(), VisitTexts.PURPOSES[v.purpose()],
                    Fmt.time(v.time()), area(v.customer())));
        }
        if (missing) {
            return new Rows(plan, report);
        }
        List<Visit> visits = actualVisits(rng, customers, planned);
        int complaints = 0;
        for (Visit v : visits) {
            complaints += v.purpose() == VisitTexts.COMPLAINT ? rng.between(1, 2) : 0;
        }
        complaints += rng.chance(0.03) ? 1 : 0;
        int resolvedToday = complaints == 0 || rng.chance(0.7) ? complaints : rng.between(0, complaints - 1);
        int resolved = resolvedToday + backlog.resolveDue(day);
        backlog.carry(day, complaints - resolvedToday);
        List<String> dayFields = List.of(submitted, attendanceText, String.valueOf(complaints),
                String.valueOf(resolved), rng.chance(0.25) ? VisitTexts.competitor(rng) : "",
                rng.chance(0.35) ? VisitTexts.feedback(rng) : "", rng.chance(0.25) ? VisitTexts.note(rng) : "");
        List<String> blank = List.of("", "", "", "", "", "", "");
        for (int i = 0; i < visits.size(); i++) {
            List<String> row = new ArrayList<>(visitCells(rng, rep, day, visits.get(i), habits));
            row.addAll(i == 0 || habits.repeatDayFields() ? dayFields : blank);
            report.add(row);
        }
        return new Rows(plan, report);
    }

    /** Distinct customers, the big and well-shared ones more often, at times from 9:00 on a 5-minute grid. */
    private List<Visit> plannedVisits(Rng rng, List<Customers.Customer> customers, int count) {
        List<Customers.Customer> pool = new ArrayList<>(customers);
        List<Visit> visits = new ArrayList<>();
        LocalTime time = LocalTime.of(9, 0).plusMinutes(5L * rng.between(0, 9));
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            double[] weights = pool.stream().mapToDouble(c -> 4 - c.potentialClass() + (c.shareClass() == 'A' ? 0 : 1))
                    .toArray();
            Customers.Customer customer = pool.remove(rng.weighted(weights));
            visits.add(new Visit(customer, rng.weighted(PURPOSE_WEIGHTS), time));
            time = time.plusMinutes(5L * rng.between(8, 16));   // six visits still end before 17:00
        }
        return visits;
    }

    /** Plan adherence about 85%: most plans happen (a little early or late), some are skipped or swapped. */
    private List<Visit> actualVisits(Rng rng, List<Customers.Customer> customers, List<Visit> planned) {
        List<Customers.Customer> unvisited = new ArrayList<>(customers);
        planned.forEach(v -> unvisited.remove(v.customer()));
        List<Visit> visits = new ArrayList<>();
        for (Visit v : planned) {
            if (rng.chance(0.88)) {
                int purpose = rng.chance(0.95) ? v.purpose() : rng.weighted(PURPOSE_WEIGHTS);
                visits.add(new Visit(v.customer(), purpose, v.time().plusMinutes(5L * rng.between(-3, 6))));
            } else if (rng.chance(0.5) && !unvisited.isEmpty()) {
                Customers.Customer other = unvisited.remove(rng.between(0, unvisited.size() - 1));
                visits.add(new Visit(other, rng.weighted(PURPOSE_WEIGHTS), v.time().plusMinutes(5L * rng.between(1, 6))));
            }
        }
        if (visits.size() < 6 && !unvisited.isEmpty() && rng.chance(0.12)) {
            Customers.Customer extra = unvisited.remove(rng.between(0, unvisited.size() - 1));
            visits.add(new Visit(extra, rng.weighted(PURPOSE_WEIGHTS), LocalTime.of(16, 0).plusMinutes(5L * rng.between(0, 18))));
        }
        visits.sort(Comparator.comparing(Visit::time));
        return visits;
    }

    private List<String> visitCells(Rng rng, Org.Rep rep, LocalDate day, Visit v, RepHabits habits) {
        int cls = v.customer().potentialClass();
        double[] range = cls == 1 ? new double[] {30_000, 500_000} : cls == 2 ? new double[] {12_000, 200_000}
                : new double[] {5_000, 60_000};
        double orderChance = !v.customer().orders(day) ? 0 : switch (v.purpose()) {
            case VisitTexts.ORDER -> 0.75;
            case VisitTexts.NEW_CUSTOMER, VisitTexts.SERVICE -> 0.15;
            default -> 0.08;
        };
        long order = 0;
        long margin = 0;
        if (rng.chance(orderChance)) {
            order = Math.round(rng.logUniform(range[0], range[1]) * Seasons.month(day) / 100) * 100 * 100;
            order = Math.max(500_000, Math.min(50_000_000, order));
            margin = Math.round(order * rng.uniform(0.15, 0.38));
        }
        long payment = 0;
        if (rng.chance(v.purpose() == VisitTexts.COLLECTION ? 0.65 : 0.04)) {
            payment = Math.round(rng.logUniform(range[0], range[1]) * rng.uniform(0.5, 1.5) / 100) * 100 * 100;
        }
        boolean effective = order > 0 || payment > 0 || rng.chance(0.55);
        long expense = rng.between(50, 600) * 100L + (rng.chance(0.3) ? rng.between(1, 99) : 0);
        boolean g = habits.groupedMoney();
        return List.of(rep.id(), day.toString(), v.customer().id(), Fmt.time(v.time()), VisitTexts.PURPOSES[v.purpose()],
                VisitTexts.outcome(rng, v.purpose(), effective), effective ? "是" : "否",
                order > 0 ? Fmt.money(order, g) : "", order > 0 ? Fmt.money(margin, g) : "",
                payment > 0 ? Fmt.money(payment, g) : "", Fmt.money(expense, false));
    }

    /** Mostly 18:00-21:00; 8% late (after 21:00 or the next morning); a few early. */
    private static LocalDateTime submittedAt(Rng rng, LocalDate day) {
        int kind = rng.weighted(0.03, 0.89, 0.04, 0.04);
        LocalDateTime base = switch (kind) {
            case 0 -> day.atTime(17, 0).plusMinutes(rng.between(0, 59));
            case 1 -> day.atTime(18, 0).plusMinutes(rng.between(0, 179));
            case 2 -> day.atTime(21, 0).plusMinutes(rng.between(0, 179));
            default -> day.plusDays(1).atTime(7, 30).plusMinutes(rng.between(0, 150));
        };
        return base.plusSeconds(rng.between(0, 59));
    }

    /** The area a visit is in: the customer's city and a district that stays the same for that customer. */
    private static String area(Customers.Customer customer) {
        return customer.city().name() + DISTRICTS[Math.floorMod(customer.id().hashCode(), DISTRICTS.length)];
    }

    /** Habits of one rep that stay the same all period. */
    record RepHabits(boolean groupedMoney, boolean repeatDayFields) {

        static RepHabits of(long seed, Org.Rep rep) {
            Rng rng = new Rng(seed, STREAM + 100, rep.index());
            return new RepHabits(rng.chance(0.1), rng.chance(0.3));
        }
    }
}
