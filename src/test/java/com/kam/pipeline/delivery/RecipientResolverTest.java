package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Whom a rule names and the organisation lacks, and why: said for each report, and nobody sent the
 * report in their place. (DeliveryScenarios covers a region manager who left, end to end.)
 */
class RecipientResolverTest {

    static final LocalDate DAY = LocalDate.of(2026, 9, 30);
    static final Person DIRECTOR = new Person("D1", "姜洋", "DIRECTOR", "d1@example.com", "zh", null, null, "HQ");
    static final Person MANAGER = new Person("M1", "谭昊昊", "REGION_MANAGER", "m1@example.com", "zh", "D1", null, "EAST");
    static final Person LEAD = new Person("L1", "林瑞秀", "TEAM_LEAD", "l1@example.com", "zh", "M1", "T001", "EAST");
    static final Person REP = new Person("R1", "陈峰宇", "REP", "r1@example.com", "zh", "L1", "T001", "EAST");
    static final DistributionRules.Rule REP_RULE = new DistributionRules.Rule("*", "REP",
            java.util.EnumSet.of(Audience.SELF, Audience.MANAGER_CHAIN), 2, 2);

    @Test
    void aManagerChainThatReachesEveryoneMissesNobodyAndTheDirectorIsItsTop() {
        OrgSnapshot org = OrgSnapshot.of(DAY, List.of(DIRECTOR, MANAGER, LEAD, REP), Set.of("D1", "M1", "L1", "R1"));
        var resolved = RecipientResolver.resolve(scorecard("R1"), new DistributionRules.Rule("*", "REP",
                java.util.EnumSet.of(Audience.MANAGER_CHAIN), 9, 1), org);
        assertThat(resolved.found()).containsExactly(LEAD, MANAGER, DIRECTOR);
        assertThat(resolved.missing()).isEmpty();
        assertThat(org.gaps()).isEmpty();
    }

    @Test
    void aLeadNamingAManagerWhoIsNotThereStopsTheChainAndSaysSo() {
        OrgSnapshot org = OrgSnapshot.of(DAY, List.of(DIRECTOR, LEAD, REP), Set.of("D1", "L1", "R1"));
        var resolved = RecipientResolver.resolve(scorecard("R1"), REP_RULE, org);
        assertThat(resolved.found()).containsExactly(REP, LEAD);
        assertThat(resolved.missing()).containsExactly(new RecipientResolver.Missing("the region manager",
                "team T001's lead 林瑞秀 (L1) names manager M1, who is not in the org file"));
        assertThat(org.gaps()).containsExactly("team T001's lead 林瑞秀 (L1) names manager M1, who is not in the org file",
                "region EAST has no manager (role REGION_MANAGER) in the organisation on 2026-09-30");
    }

    @Test
    void aRepWhoseLeadLeftMissesBothLevelsAndOneWhoNamesNoManagerSaysThat() {
        // the lead is in the org file, but left before the day
        OrgSnapshot left = OrgSnapshot.of(DAY, List.of(DIRECTOR, MANAGER, REP), Set.of("D1", "M1", "L1", "R1"));
        assertThat(RecipientResolver.resolve(scorecard("R1"), REP_RULE, left).missing()).containsExactly(
                new RecipientResolver.Missing("the team lead, the region manager",
                        "rep 陈峰宇 (R1) names manager L1, who is not in the organisation on 2026-09-30"));

        Person noManager = new Person("L1", "林瑞秀", "TEAM_LEAD", "l1@example.com", "zh", " ", "T001", "EAST");
        OrgSnapshot blank = OrgSnapshot.of(DAY, List.of(DIRECTOR, MANAGER, noManager, REP), Set.of("D1", "M1", "L1", "R1"));
        var resolved = RecipientResolver.resolve(scorecard("R1"), REP_RULE, blank);
        assertThat(resolved.found()).containsExactly(REP, noManager);
        assertThat(resolved.missing()).extracting(RecipientResolver.Missing::why)
                .containsExactly("team T001's lead 林瑞秀 (L1) names no manager");
    }

    @Test
    void aTeamWithoutALeadIsNamedForItsReportsAndItsRegionManagerStillGetsThem() {
        OrgSnapshot org = OrgSnapshot.of(DAY, List.of(DIRECTOR, MANAGER, REP), Set.of("D1", "M1", "R1"));
        ArchivedReport.Subject weekly = new ArchivedReport.Subject("WEEKLY", "TEAM", "T001", DAY.minusDays(6), DAY);
        var resolved = RecipientResolver.resolve(weekly, new DistributionRules.Rule("*", "TEAM",
                java.util.EnumSet.of(Audience.TEAM_LEAD, Audience.REGION_MANAGER), 1, 3), org);
        assertThat(resolved.found()).containsExactly(MANAGER);
        assertThat(resolved.missing()).containsExactly(new RecipientResolver.Missing("the team lead",
                "team T001 has no lead (role TEAM_LEAD) in the organisation on 2026-09-30"));
    }

    @Test
    void theWarningNamesTheReportWhomItMissesTheRuleAndWhy() {
        ArchivedReport report = new ArchivedReport(1, "SCORECARD", "REP", "R1", "陈峰宇", DAY.withDayOfMonth(1), DAY, "zh", DAY,
                Path.of("x.pdf"), 1);
        assertThat(MissingRecipients.lines(report, REP_RULE, List.of(
                new RecipientResolver.Missing("the rep", "rep R1 is not in the org file"),
                new RecipientResolver.Missing("the team lead, the region manager", "rep R1 is not in the org file"))))
                .containsExactly("scorecard of 陈峰宇 (R1) 2026-09-01..2026-09-30: not sent to the rep, the team lead, the"
                        + " region manager (distribution.yml rule 2: to self, manager-chain; manager-levels 2): rep R1 is not in the org"
                        + " file");
    }

    private static ArchivedReport.Subject scorecard(String rep) {
        return new ArchivedReport.Subject("SCORECARD", "REP", rep, DAY.withDayOfMonth(1), DAY);
    }
}
