package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates one rep's opportunity pipeline from six months before the period on: 3-5 new
 * opportunities a month, each moving through the funnel with 1-6 weeks per stage and a chance
 * to be lost at every stage (about 30% of closed deals are won), expected close dates that slip,
 * and the rep's own forecast category. A leaver's deals pass to the heir the day after.
 */
final class PipelineSimulator {

    static final String[] PRODUCT_LINES = {"云服务", "网络专线", "信息安全", "数据中心", "软件许可"};
    static final String[] LOSS_REASONS = {"价格", "技术", "关系", "预算取消", "竞争对手"};
    static final String[] COMPETITORS = {"华为", "新华三", "中兴", "浪潮", "阿里云"};
    private static final double[] LOSS_WEIGHTS = {0.3, 0.15, 0.15, 0.15, 0.25};
    private static final String[] NAME_SUFFIXES = {"项目", "采购项目", "扩容", "升级改造", "年度框架采购", "二期"};
    /** Chance of being lost at the end of IDENTIFIED .. COMMITTED: 0.75*0.8*0.8*0.8*0.85 = 33% win. */
    private static final double[] DROP = {0.25, 0.2, 0.2, 0.2, 0.15};
    private static final long STREAM = 5;

    private final GeneratorOptions options;
    private final Org org;

    PipelineSimulator(GeneratorOptions options, Org org) {
        this.options = options;
        this.org = org;
    }

    List<Opportunity> simulate(Org.Rep rep, List<Customers.Customer> customers) {
        Rng rng = new Rng(options.seed(), STREAM, rep.index());
        List<Opportunity> result = new ArrayList<>();
        if (customers.isEmpty()) {
            return result;
        }
        LocalDate from = max(options.start().minusMonths(6), rep.from());
        LocalDate until = rep.to() != null && rep.to().isBefore(options.end()) ? rep.to() : options.end();
        double perWorkingDay = rng.uniform(3, 5) / 21.0;
        int seq = 0;
        for (LocalDate day = from; !day.isAfter(until); day = day.plusDays(1)) {
            if (Holidays.isWorkingDay(day) && rng.chance(perWorkingDay * Seasons.month(day))) {
                String id = String.format("OPP%05d-%03d", rep.index() + 1, ++seq);
                result.add(handOver(rep, lifecycle(rng, id, day, rep.id(), customers)));
            }
        }
        return result;
    }

    private Opportunity lifecycle(Rng rng, String id, LocalDate created, String owner, List<Customers.Customer> customers) {
        double[] weights = customers.stream().mapToDouble(c -> 4 - c.potentialClass()).toArray();
        Customers.Customer customer = customers.get(rng.weighted(weights));
        String product = rng.pick(PRODUCT_LINES);
        String name = customer.name() + product + rng.pick(NAME_SUFFIXES);
        double median = new double[] {600_000, 300_000, 150_000}[customer.potentialClass() - 1];
        long amount = clampAmount(median * Math.exp(0.75 * rng.gaussian()));
        LocalDate expected = created.plusDays(rng.between(60, 200));
        if (rng.chance(0.6)) {
            expected = expected.with(TemporalAdjusters.lastDayOfMonth());   // reps like month ends
        }
        String competitor = "";
        List<Opportunity.Version> versions = new ArrayList<>();
        versions.add(new Opportunity.Version(created, Stage.IDENTIFIED, amount, expected,
                forecast(rng, Stage.IDENTIFIED), "", competitor, owner));
        LocalDate day = created;
        for (int s = 0; s <= Stage.COMMITTED.ordinal(); s++) {
            day = nextWorkingDay(day.plusDays(rng.between(7, 42)));
            if (rng.chance(DROP[s])) {
                String reason = LOSS_REASONS[rng.weighted(LOSS_WEIGHTS)];
                if (reason.equals("竞争对手") || (competitor.isEmpty() && !reason.equals("预算取消") && rng.chance(0.6))) {
                    competitor = competitor.isEmpty() ? rng.pick(COMPETITORS) : competitor;
                }
                versions.add(new Opportunity.Version(day, Stage.LOST, amount, day, "OMITTED", reason, competitor, owner));
                break;
            }
            Stage next = Stage.values()[s + 1];
            if (s == Stage.COMMITTED.ordinal()) {
                amount = clampAmount(amount * rng.uniform(0.9, 1.0));   // the last discount
                versions.add(new Opportunity.Version(day, Stage.WON, amount, day, "COMMIT", "", competitor, owner));
                break;
            }
            if (rng.chance(0.25)) {
                amount = clampAmount(amount * rng.uniform(0.8, 1.2));
            }
            if (!day.isBefore(expected.minusDays(10))) {
                expected = day.plusDays(rng.between(21, 60));   // overdue: the rep pushes the date out
            } else if (rng.chance(0.15)) {
                expected = expected.plusDays(rng.between(30, 60));
            }
            if (competitor.isEmpty() && next.ordinal() >= Stage.QUALIFIED.ordinal() && rng.chance(0.5)) {
                competitor = rng.pick(COMPETITORS);
            }
            versions.add(new Opportunity.Version(day, next, amount, expected, forecast(rng, next), "", competitor, owner));
        }
        return new Opportunity(id, customer.id(), name, product, created, List.copyOf(versions));
    }

    /**
     * From the day after the leaver's last day the heir owns all of the leaver's opportunities,
     * also the recently closed ones that the extract still shows, as a CRM reassigns records.
     */
    private Opportunity handOver(Org.Rep rep, Opportunity opportunity) {
        if (!rep.equals(org.leaver()) || org.heir() == null) {
            return opportunity;
        }
        LocalDate handover = rep.to().plusDays(1);
        String heir = org.heir().id();
        List<Opportunity.Version> versions = new ArrayList<>();
        for (Opportunity.Version v : opportunity.versions()) {
            if (v.from().isBefore(handover)) {
                versions.add(v);
            }
        }
        Opportunity.Version last = versions.get(versions.size() - 1);
        versions.add(last.withOwner(heir, handover));
        for (Opportunity.Version v : opportunity.versions()) {
            if (!v.from().isBefore(handover)) {
                versions.add(v.withOwner(heir, v.from()));
            }
        }
        return new Opportunity(opportunity.id(), opportunity.customerId(), opportunity.name(), opportunity.productLine(),
                opportunity.created(), List.copyOf(versions));
    }

    /** The rep's own call: commit for committed deals, best case for developed, pipeline before. */
    private static String forecast(Rng rng, Stage stage) {
        return switch (stage) {
            case COMMITTED -> rng.chance(0.9) ? "COMMIT" : "BEST_CASE";
            case DEVELOPED -> new String[] {"BEST_CASE", "COMMIT", "PIPELINE"}[rng.weighted(0.7, 0.1, 0.2)];
            default -> rng.chance(0.9) ? "PIPELINE" : "OMITTED";
        };
    }

    private static long clampAmount(double amount) {
        return Math.max(50_000, Math.min(3_000_000, Math.round(amount / 1_000) * 1_000));
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        while (!Holidays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
