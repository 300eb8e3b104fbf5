package com.kam.pipeline.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The {@code rollup} rows of one period type over a range of periods, for every entity level at
 * once: rep facts (rep-days or kept rep-months) and visit facts (per rep, customer and day or
 * month) are summed in memory in one pass, instead of one grouping statement per level. Rates
 * follow {@link Ratio}'s one rule.
 */
final class PeriodFigures {

    /** Columns of a rep fact's counts, in {@link RepFact#counts} order. */
    static final String[] COUNTS = {"visits_planned", "planned_visits_made", "visits", "effective_visits", "order_visits",
            "new_customers", "complaints_received", "complaints_resolved", "report_due", "report_submitted",
            "report_on_time", "report_complete", "complaint_days", "complaints_timed"};
    private static final int VISITS_PLANNED = 0;
    private static final int PLANNED_MADE = 1;
    private static final int VISITS = 2;
    private static final int EFFECTIVE = 3;
    private static final int ORDER_VISITS = 4;
    private static final int NEW_CUSTOMERS = 5;
    private static final int COMPLAINTS_RECEIVED = 6;
    private static final int COMPLAINTS_RESOLVED = 7;
    private static final int REPORTS_DUE = 8;
    private static final int REPORTS_SUBMITTED = 9;
    private static final int REPORTS_ON_TIME = 10;
    private static final int REPORTS_COMPLETE = 11;
    /** Days from receipt to resolution summed over the resolutions timed, and how many were ({@link ComplaintAges}). */
    private static final int COMPLAINT_DAYS = 12;
    private static final int COMPLAINTS_TIMED = 13;

    /** Positions in a row, in {@link PeriodRollup#COLUMNS} order. */
    private static final int COMPLAINT_RESOLUTION_DAYS = PeriodRollup.column("complaint_resolution_days");
    private static final int COMPLAINTS_OPEN = PeriodRollup.column("complaints_open");
    private static final int COMPUTED_AT = PeriodRollup.column("computed_at");
    private static final int ORDERS_PREV_PERIOD = PeriodRollup.column("orders_prev_period");

    /** Money columns of both kinds of fact: orders, gross margin, collections, expenses. */
    static final int MONEY = 4;
    /** Target shares: sales, margin, collections, new customers, visits. */
    static final int TARGETS = 5;

    /**
     * A rep's facts of one day (or month, summed): money in cents, counts in {@link #COUNTS}
     * order, target shares at {@link #SHARE_SCALE} decimals; the complaints still open at the end
     * of its last day.
     */
    record RepFact(LocalDate date, String rep, String team, String region, long repDays, LocalDate lastDay,
                   long[] money, long[] counts, BigDecimal[] targetShares, long hasTarget, long complaintsOpen) {
    }

    /** A rep's visits to one customer on one day (or in a period, summed, with the last day visited); money in cents. */
    record VisitFact(LocalDate date, String rep, String team, String region, String customer, long visits,
                     long effectiveVisits, long orderVisits, long[] money, LocalDate lastVisit) {

        /** The same visits, counted for the team and region of the rep's day. */
        VisitFact on(RepFact day) {
            return new VisitFact(date, rep, day.team(), day.region(), customer, visits, effectiveVisits, orderVisits, money,
                    lastVisit);
        }
    }

    /** Decimals of a day's target share (as stored in rollup_rep_day): sums stay exact. */
    static final int SHARE_SCALE = 10;
    private static final BigDecimal ZERO_SHARE = BigDecimal.ZERO.setScale(SHARE_SCALE);

    private record Key(LocalDate start, EntityLevel level, String id) {
        // ids and dates are regular (E00298, C000123): mix them, or hash tables fill unevenly
        @Override
        public int hashCode() {
            return mix(start.toEpochDay(), level.ordinal(), id.hashCode());
        }
    }

    private record RepKey(LocalDate start, String rep, String team, String region) {
        @Override
        public int hashCode() {
            return mix(start.toEpochDay(), rep.hashCode(), 0);
        }
    }

    private record VisitKey(LocalDate start, String rep, String team, String region, String customer) {
        @Override
        public int hashCode() {
            return mix(start.toEpochDay(), rep.hashCode(), customer.hashCode());
        }
    }

    private static int mix(long a, long b, long c) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 29));
    }

    /**
     * Rep facts summed: a rep's in one period, for one team and region, before they are spread;
     * and the additive part of a rep's, team's, region's or the company's figures.
     */
    private static final class RepSum {
        private long repDays;
        private LocalDate lastDay;
        private long complaintsOpen;
        private final long[] money = new long[MONEY];
        private final long[] counts = new long[COUNTS.length];
        private final BigDecimal[] targets = zeroShares();
        private long hasTarget;

        void add(RepFact fact) {
            repDays += fact.repDays();
            if (lastDay == null || fact.lastDay().isAfter(lastDay)) {
                lastDay = fact.lastDay();
                complaintsOpen = fact.complaintsOpen();
            }
            for (int i = 0; i < MONEY; i++) {
                money[i] += fact.money()[i];
            }
            for (int i = 0; i < counts.length; i++) {
                counts[i] += fact.counts()[i];
            }
            for (int i = 0; i < TARGETS; i++) {
                targets[i] = targets[i].add(fact.targetShares()[i]);
            }
            hasTarget += fact.hasTarget();
        }

        RepFact fact(RepKey key) {
            return new RepFact(key.start(), key.rep(), key.team(), key.region(), repDays, lastDay, money, counts, targets,
                    hasTarget, complaintsOpen);
        }
    }

    /**
     * Visit facts summed: a rep's visits to one customer in one period, for one team and region,
     * before they are spread; and the visits to one customer class.
     */
    private static final class VisitSum {
        /** The customer's classes (null in a class's sum). */
        private final RollupReferences.CustomerClasses classes;
        private long visits;
        private long effectiveVisits;
        private long orderVisits;
        private final long[] money = new long[MONEY];
        private LocalDate lastVisit;

        VisitSum(RollupReferences.CustomerClasses classes) {
            this.classes = classes;
        }

        void add(VisitFact fact) {
            if (lastVisit == null || fact.lastVisit().isAfter(lastVisit)) {
                lastVisit = fact.lastVisit();
            }
            visits += fact.visits();
            effectiveVisits += fact.effectiveVisits();
            orderVisits += fact.orderVisits();
            for (int i = 0; i < MONEY; i++) {
                money[i] += fact.money()[i];
            }
        }

        VisitFact fact(VisitKey key) {
            return new VisitFact(key.start(), key.rep(), key.team(), key.region(), key.customer(), visits, effectiveVisits,
                    orderVisits, money, lastVisit);
        }
    }

    private final PeriodType type;
    private final RollupReferences references;
    private final UnaryOperator<LocalDate> startOf;
    private final UnaryOperator<LocalDate> endOf;
    /** The last day whose period start was looked up, with it: facts come mostly in date order. */
    private DayStart lastStart = new DayStart(null, null);
    /**
     * Whether facts are first summed per period and rep (rep facts) or per period, rep and
     * customer (visit facts), and only those sums spread over the levels: a month's or year's
     * many facts per rep then cost one lookup each instead of one per level. A day has about one
     * fact per rep and customer, so its facts are spread straight away.
     */
    private final boolean summedFirst;
    private final Map<RepKey, RepSum> repSums;
    private final Map<VisitKey, VisitSum> visitSums;
    /** Where the per-rep sums of finished periods go as they are spread, when they are kept; else null. */
    private Sums sumsTaken;
    private final Map<Key, OrgFigures> organisation;
    private final Map<Key, ClassFigures> customerClasses = new HashMap<>();
    /**
     * The figures of {@link #customerClasses} by period start and class position
     * ({@link RollupReferences.CustomerClasses#classSlots}): three array lookups per visit sum.
     */
    private final Map<LocalDate, ClassFigures[]> classesBySlot = new HashMap<>();
    private final Map<Key, long[]> newCustomers = new HashMap<>();
    /** Orders (cents) of the periods written or read before, for the growth of the next ones. */
    private final Map<Key, Long> orders = new HashMap<>();
    private final RollupSettings settings;

    /** {@code startOf} maps a fact's date to its period's start, {@code endOf} a start to the period's last day. */
    PeriodFigures(PeriodType type, RollupReferences references, UnaryOperator<LocalDate> startOf,
                  UnaryOperator<LocalDate> endOf, RollupSettings settings) {
        this.type = type;
        this.settings = settings;
        this.references = references;
        this.startOf = startOf;
        this.endOf = endOf;
        this.summedFirst = type != PeriodType.DAY;
        // sized for a period's reps and their customers: these fill by the thousand
        this.repSums = new HashMap<>(summedFirst ? 2 * references.repCount() : 16);
        this.visitSums = new HashMap<>(summedFirst ? 2 * references.customerCount() : 16);
        this.organisation = new HashMap<>(2 * references.repCount() + 64);
    }

    private record DayStart(LocalDate day, LocalDate start) {
    }

    /** The start of the period of a fact's date. */
    private LocalDate startOf(LocalDate day) {
        DayStart last = lastStart;
        if (!day.equals(last.day())) {
            last = new DayStart(day, startOf.apply(day));
            lastStart = last;
        }
        return last.start();
    }

    /**
     * The per-rep sums of finished periods (dated with the period's start): a rep's facts per team
     * and region, and a rep's visits per customer (known customers only).
     */
    record Sums(List<RepFact> repSums, List<VisitFact> visitSums) {
        Sums() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /** Hands the per-rep sums of each period, as {@link #takeRowsEndingBy} finishes it, to {@code sums}. */
    void keepSums(Sums sums) {
        if (!summedFirst) {
            throw new IllegalStateException(type + " facts are not summed per rep");
        }
        this.sumsTaken = sums;
    }

    /** Hands the per-rep sums of every period to the kept sums, without spreading them into rows (none are wanted). */
    void takeSumsOnly() {
        repSums.forEach((key, sum) -> sumsTaken.repSums.add(sum.fact(key)));
        visitSums.forEach((key, sum) -> sumsTaken.visitSums.add(sum.fact(key)));
        repSums.clear();
        visitSums.clear();
    }

    /** The orders of a period not recomputed now, which a recomputed one may compare itself with. */
    void rememberOrders(LocalDate start, EntityLevel level, String id, BigDecimal amount) {
        orders.put(new Key(start, level, id), Ratio.cents(amount));
    }

    void add(RepFact fact) {
        LocalDate start = startOf(fact.date());
        if (summedFirst) {
            repSums.computeIfAbsent(new RepKey(start, fact.rep(), fact.team(), fact.region()), k -> new RepSum()).add(fact);
        } else {
            spread(start, fact);
        }
    }

    /** Counts a rep fact (or the sum of a rep's facts in the period) for the rep, team, region and company. */
    private void spread(LocalDate start, RepFact fact) {
        org(start, EntityLevel.REP, fact.rep()).add(fact);
        if (fact.team() != null) {
            org(start, EntityLevel.TEAM, fact.team()).add(fact);
        }
        org(start, EntityLevel.REGION, fact.region()).add(fact);
        org(start, EntityLevel.COMPANY, "ALL").add(fact);
    }

    void add(VisitFact fact) {
        RollupReferences.CustomerClasses classes = references.customer(fact.customer());
        if (classes == null) {
            return;  // not a known customer: counted nowhere, as the joins on customer did
        }
        LocalDate start = startOf(fact.date());
        if (summedFirst) {
            visitSums.computeIfAbsent(new VisitKey(start, fact.rep(), fact.team(), fact.region(), fact.customer()),
                    k -> new VisitSum(classes)).add(fact);
        } else {
            spread(start, classes, fact, orgOf(start, fact.rep(), fact.team(), fact.region()),
                    references.repIndex(fact.rep()));
        }
    }

    /**
     * Counts a visit fact (or the sum of a rep's visits to a customer in the period) for every level:
     * {@code org} holds the figures of the rep, team (null without one), region and company.
     */
    private void spread(LocalDate start, RollupReferences.CustomerClasses classes, VisitFact fact, OrgFigures[] org,
                        int rep) {
        for (OrgFigures figures : org) {
            if (figures != null) {
                figures.visited(classes, fact);
            }
        }
        ClassFigures[] bySlot = classesBySlot.computeIfAbsent(start, s -> new ClassFigures[references.classSlots()]);
        int[] slots = classes.classSlots();
        for (int i = 0; i < CLASS_LEVELS.length; i++) {
            ClassFigures figures = bySlot[slots[i]];
            if (figures == null) {
                figures = customerClass(start, CLASS_LEVELS[i], classOf(classes, CLASS_LEVELS[i]));
                bySlot[slots[i]] = figures;
            }
            figures.add(rep, classes, fact);
        }
    }

    /** The levels of a customer's classes, in {@link RollupReferences.CustomerClasses#classSlots} order. */
    private static final EntityLevel[] CLASS_LEVELS = {EntityLevel.CUSTOMER_CLASS, EntityLevel.ABC_CLASS, EntityLevel.SEGMENT};

    private static String classOf(RollupReferences.CustomerClasses classes, EntityLevel level) {
        return switch (level) {
            case CUSTOMER_CLASS -> classes.customerClass();
            case ABC_CLASS -> classes.abcClass();
            case SEGMENT -> classes.segment();
            default -> throw new IllegalArgumentException(level + " is not a customer class");
        };
    }

    /** A customer who became new on {@code date} with a rep assigned that day. */
    void addNewCustomer(LocalDate date, String customer) {
        RollupReferences.CustomerClasses classes = references.customer(customer);
        if (classes == null) {
            return;
        }
        LocalDate start = startOf(date);
        newCustomer(start, EntityLevel.CUSTOMER_CLASS, classes.customerClass());
        newCustomer(start, EntityLevel.ABC_CLASS, classes.abcClass());
        newCustomer(start, EntityLevel.SEGMENT, classes.segment());
    }

    private void newCustomer(LocalDate start, EntityLevel level, String id) {
        newCustomers.computeIfAbsent(new Key(start, level, id), k -> new long[1])[0]++;
    }

    /** The figures a rep's facts of a period count for ({@link #orgOf}), and the rep's position. */
    private record RepFigures(OrgFigures[] org, int index) {
    }

    /** The figures of the rep, team (null without one), region and company a rep's facts of a period count for. */
    private OrgFigures[] orgOf(LocalDate start, String rep, String team, String region) {
        return new OrgFigures[] {org(start, EntityLevel.REP, rep), team == null ? null : org(start, EntityLevel.TEAM, team),
                org(start, EntityLevel.REGION, region), org(start, EntityLevel.COMPANY, "ALL")};
    }

    private OrgFigures org(LocalDate start, EntityLevel level, String id) {
        return organisation.computeIfAbsent(new Key(start, level, id), k -> new OrgFigures());
    }

    private ClassFigures customerClass(LocalDate start, EntityLevel level, String id) {
        return customerClasses.computeIfAbsent(new Key(start, level, id), k -> new ClassFigures());
    }

    /**
     * Takes out the rows of the periods that end by {@code day} (all of them when null), in
     * {@link PeriodRollup#COLUMNS} order, sorted by the table's key: their facts are all in.
     */
    List<Object[]> takeRowsEndingBy(LocalDate day, LocalDateTime computedAt) {
        List<Object[]> rows = new ArrayList<>();
        Map<LocalDate, Boolean> endedByStart = new HashMap<>();
        java.util.function.Predicate<LocalDate> ended = start -> day == null
                || endedByStart.computeIfAbsent(start, s -> !endOf.apply(s).isAfter(day));
        for (var it = repSums.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (ended.test(entry.getKey().start())) {
                RepFact sum = entry.getValue().fact(entry.getKey());
                spread(entry.getKey().start(), sum);
                if (sumsTaken != null) {
                    sumsTaken.repSums.add(sum);
                }
                it.remove();
            }
        }
        // a rep's visit sums (one per customer) count for the same four figures: looked up once
        Map<RepKey, RepFigures> orgOfRep = new HashMap<>(2 * references.repCount());
        for (var it = visitSums.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            VisitKey key = entry.getKey();
            if (ended.test(key.start())) {
                VisitFact sum = entry.getValue().fact(key);
                RepFigures rep = orgOfRep.computeIfAbsent(new RepKey(key.start(), key.rep(), key.team(), key.region()),
                        k -> new RepFigures(orgOf(k.start(), k.rep(), k.team(), k.region()), references.repIndex(k.rep())));
                spread(key.start(), entry.getValue().classes, sum, rep.org(), rep.index());
                if (sumsTaken != null) {
                    sumsTaken.visitSums.add(sum);
                }
                it.remove();
            }
        }
        java.util.function.Predicate<Key> done = key -> ended.test(key.start());
        for (var it = organisation.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (done.test(entry.getKey())) {
                rows.add(entry.getValue().row(entry.getKey(), computedAt));
                it.remove();
            }
        }
        for (var it = customerClasses.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (done.test(entry.getKey())) {
                // a class's row exists only where its customers were visited
                long[] fresh = newCustomers.get(entry.getKey());
                rows.add(entry.getValue().row(entry.getKey(), fresh == null ? 0 : fresh[0], computedAt));
                it.remove();
            }
        }
        newCustomers.keySet().removeIf(done);
        classesBySlot.keySet().removeIf(ended);
        if (type.hasGrowth()) {
            addGrowth(rows);
        }
        rows.sort(Comparator.comparing((Object[] r) -> (LocalDate) r[1]).thenComparing(r -> (String) r[3])
                .thenComparing(r -> (String) r[4]));
        return rows;
    }

    /**
     * Growth against the previous period and the same period last year. Periods are finished in
     * date order, so those compared with are known by now (or were read before the pass).
     */
    private void addGrowth(List<Object[]> rows) {
        for (Object[] row : rows) {
            orders.put(keyOf(row), Ratio.cents((BigDecimal) row[10]));
        }
        for (Object[] row : rows) {
            Key key = keyOf(row);
            BigDecimal amount = (BigDecimal) row[10];
            BigDecimal previous = orders(new Key(type.previousStart(key.start()), key.level(), key.id()));
            BigDecimal lastYear = orders(new Key(type.lastYearStart(key.start(), settings), key.level(), key.id()));
            row[ORDERS_PREV_PERIOD] = previous;
            row[ORDERS_PREV_PERIOD + 1] = Ratio.change(amount, previous);
            row[ORDERS_PREV_PERIOD + 2] = lastYear;
            row[ORDERS_PREV_PERIOD + 3] = Ratio.change(amount, lastYear);
        }
    }

    private static Key keyOf(Object[] row) {
        return new Key((LocalDate) row[1], EntityLevel.valueOf((String) row[3]), (String) row[4]);
    }

    private BigDecimal orders(Key key) {
        Long cents = orders.get(key);
        return cents == null ? null : money(cents);
    }

    private Object[] keyColumns(Key key, int size) {
        Object[] row = new Object[size];
        row[0] = type.name();
        row[1] = key.start();
        row[2] = endOf.apply(key.start());
        row[3] = key.level().name();
        row[4] = key.id();
        return row;
    }

    private static BigDecimal number(long value) {
        return BigDecimal.valueOf(value);
    }

    private static BigDecimal[] zeroShares() {
        BigDecimal[] values = new BigDecimal[TARGETS];
        java.util.Arrays.fill(values, ZERO_SHARE);
        return values;
    }

    private static BigDecimal money(long cents) {
        return Ratio.fromCents(cents);
    }

    /** A rep, team, region or the company in one period. */
    private final class OrgFigures {
        private final RepSum sums = new RepSum();
        /**
         * The reps who contributed (by index), each with the last day it counts here (epoch day)
         * and the complaints still open at its end: a rep who moved team in the period leaves
         * those open on the last day in the old team with it, and counts them once for the company.
         */
        private final Map<Integer, long[]> reps = new HashMap<>(4);
        private String lastTeam;
        private String lastRegion;
        private String maxRegion;
        /** Visits per customer (by index); null when none of the period's visits was to a known customer. */
        private com.carrotsearch.hppc.IntLongHashMap customerVisits;

        void add(RepFact fact) {
            if (sums.lastDay == null || fact.lastDay().isAfter(sums.lastDay)) {
                lastTeam = fact.team();
                lastRegion = fact.region();
            }
            if (maxRegion == null || fact.region().compareTo(maxRegion) > 0) {
                maxRegion = fact.region();
            }
            int rep = references.repIndex(fact.rep());
            long[] open = reps.get(rep);
            long lastDay = fact.lastDay().toEpochDay();
            if (open == null) {
                reps.put(rep, new long[] {lastDay, fact.complaintsOpen()});
            } else if (lastDay > open[0]) {
                open[0] = lastDay;
                open[1] = fact.complaintsOpen();
            }
            sums.add(fact);
        }

        /** The complaints still open at the end of each rep's last day here, summed. */
        private long complaintsOpen() {
            long open = 0;
            for (long[] rep : reps.values()) {
                open += rep[1];
            }
            return open;
        }

        void visited(RollupReferences.CustomerClasses customer, VisitFact fact) {
            if (customerVisits == null) {
                customerVisits = new com.carrotsearch.hppc.IntLongHashMap();
            }
            customerVisits.addTo(customer.index(), fact.visits());
        }

        Object[] row(Key key, LocalDateTime computedAt) {
            Object[] row = keyColumns(key, PeriodRollup.COLUMN_COUNT);
            row[5] = references.name(key.level(), key.id());
            row[6] = key.level() == EntityLevel.REP ? lastTeam : null;
            row[7] = key.level() == EntityLevel.REP ? lastRegion : key.level() == EntityLevel.TEAM ? maxRegion : null;
            row[8] = (long) reps.size();
            long[] money = sums.money;
            long[] counts = sums.counts;
            row[9] = sums.repDays;
            BigDecimal orders = money(money[0]);
            BigDecimal margin = money(money[1]);
            BigDecimal collections = money(money[2]);
            row[10] = orders;
            row[11] = margin;
            row[12] = collections;
            row[13] = money(money[3]);
            row[14] = Ratio.perCount(money[3], counts[VISITS]);
            row[15] = counts[VISITS_PLANNED];
            row[16] = counts[PLANNED_MADE];
            row[17] = counts[VISITS];
            row[18] = counts[EFFECTIVE];
            row[19] = counts[ORDER_VISITS];
            row[20] = Ratio.rate(counts[PLANNED_MADE], counts[VISITS_PLANNED]);
            row[21] = Ratio.rate(counts[EFFECTIVE], counts[VISITS]);
            row[22] = Ratio.rate(counts[ORDER_VISITS], counts[VISITS]);
            long customersVisited = customerVisits == null ? 0 : customerVisits.size();
            Long onFrequency = customerVisits == null ? null : onFrequency();
            row[23] = customersVisited;
            row[24] = Ratio.of(counts[VISITS], customersVisited, 2);
            row[25] = onFrequency;
            row[26] = onFrequency == null ? null : Ratio.rate(onFrequency, customersVisited);
            row[27] = counts[NEW_CUSTOMERS];
            row[28] = counts[COMPLAINTS_RECEIVED];
            row[29] = counts[COMPLAINTS_RESOLVED];
            // resolved of the complaints the period handled: those resolved and those still open at its end
            long complaintsOpen = complaintsOpen();
            row[30] = Ratio.rate(counts[COMPLAINTS_RESOLVED], counts[COMPLAINTS_RESOLVED] + complaintsOpen);
            row[31] = counts[REPORTS_DUE];
            row[32] = counts[REPORTS_SUBMITTED];
            row[33] = counts[REPORTS_ON_TIME];
            row[34] = counts[REPORTS_COMPLETE];
            row[35] = Ratio.rate(counts[REPORTS_SUBMITTED], counts[REPORTS_DUE]);
            row[36] = Ratio.rate(counts[REPORTS_ON_TIME], counts[REPORTS_DUE]);
            row[37] = Ratio.rate(counts[REPORTS_COMPLETE], counts[REPORTS_SUBMITTED]);
            // a period's target is the sum of its rep-days' shares; empty when no rep in it has a target row
            BigDecimal[] target = new BigDecimal[TARGETS];
            for (int i = 0; i < TARGETS; i++) {
                target[i] = sums.hasTarget == 0 ? null : Ratio.money(sums.targets[i]);
                row[38 + i] = target[i];
            }
            row[43] = Ratio.rate(orders, target[0]);
            row[44] = Ratio.rate(margin, target[1]);
            row[45] = Ratio.rate(collections, target[2]);
            row[46] = Ratio.rate(number(counts[NEW_CUSTOMERS]), target[3]);
            row[47] = Ratio.rate(number(counts[VISITS]), target[4]);
            // average sales per rep per week: orders over rep-weeks (7 assigned rep-days make one)
            row[48] = Ratio.perCount(Math.multiplyExact(money[0], 7L), sums.repDays);
            // average days to resolve, over the resolutions timed (not an average of averages)
            row[COMPLAINT_RESOLUTION_DAYS] = Ratio.of(counts[COMPLAINT_DAYS], counts[COMPLAINTS_TIMED], 2);
            row[COMPLAINTS_OPEN] = complaintsOpen;
            row[COMPUTED_AT] = computedAt;
            return row;
        }

        /** Customers visited as often as their class asks; empty when no class has a frequency for this period. */
        private Long onFrequency() {
            long met = 0;
            boolean anyRequired = false;
            for (com.carrotsearch.hppc.cursors.IntLongCursor customer : customerVisits) {
                int required = references.requiredVisits(customer.key, type);
                if (required != RollupReferences.NONE_REQUIRED) {
                    anyRequired = true;
                    if (customer.value >= required) {
                        met++;
                    }
                }
            }
            return anyRequired ? met : null;
        }
    }

    /** The customers of one class (R1..A3, A/B/C or a segment) in one period. */
    private final class ClassFigures {
        private final java.util.BitSet reps = new java.util.BitSet();
        private final java.util.BitSet customers = new java.util.BitSet();
        private final VisitSum sums = new VisitSum(null);

        void add(int rep, RollupReferences.CustomerClasses customer, VisitFact fact) {
            reps.set(rep);
            customers.set(customer.index());
            sums.add(fact);
        }

        Object[] row(Key key, long newCustomers, LocalDateTime computedAt) {
            Object[] row = keyColumns(key, PeriodRollup.COLUMN_COUNT);
            long[] money = sums.money;
            long visits = sums.visits;
            long effectiveVisits = sums.effectiveVisits;
            long orderVisits = sums.orderVisits;
            row[5] = key.id();
            row[8] = (long) reps.cardinality();
            row[10] = money(money[0]);
            row[11] = money(money[1]);
            row[12] = money(money[2]);
            row[13] = money(money[3]);
            row[14] = Ratio.perCount(money[3], visits);
            row[17] = visits;
            row[18] = effectiveVisits;
            row[19] = orderVisits;
            row[21] = Ratio.rate(effectiveVisits, visits);
            row[22] = Ratio.rate(orderVisits, visits);
            row[23] = (long) customers.cardinality();
            row[24] = Ratio.of(visits, customers.cardinality(), 2);
            row[27] = newCustomers;
            row[COMPUTED_AT] = computedAt;
            return row;
        }
    }
}
