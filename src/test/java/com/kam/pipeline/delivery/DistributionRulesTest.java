package com.kam.pipeline.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/distribution.yml: what the shipped file says, and how a malformed one is refused. */
class DistributionRulesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRulesSendDigestsToTheLeadAndRepReportsUpTwoLevels() {
        DistributionRules rules = DistributionRules.load(Path.of("jobs/distribution.yml"));

        assertThat(rules.ruleFor("DIGEST", "REP").orElseThrow().to()).containsExactly(Audience.TEAM_LEAD);
        DistributionRules.Rule rep = rules.ruleFor("SCORECARD", "REP").orElseThrow();
        assertThat(rep.to()).containsExactlyInAnyOrder(Audience.SELF, Audience.MANAGER_CHAIN);
        assertThat(rep.managerLevels()).isEqualTo(2);
        assertThat(rules.ruleFor("WEEKLY", "TEAM").orElseThrow().to()).isEqualTo(Set.of(Audience.TEAM_LEAD, Audience.REGION_MANAGER));
        assertThat(rules.ruleFor("FUNNEL", "REGION").orElseThrow().to()).containsExactly(Audience.REGION_MANAGER);
        assertThat(rules.ruleFor("FUNNEL", "COMPANY").orElseThrow().to()).containsExactly(Audience.DIRECTOR);
    }

    @Test
    void aRuleBelowOneThatTakesAllItsReportsIsRefusedAsNeverUsed() throws Exception {
        Path shadowed = write("""
                rules:
                  - report-type: "*"
                    entity-type: REP
                    to: [self]
                  - report-type: SCORECARD
                    entity-type: REP
                    to: [self, manager-chain]
                """);
        assertThatThrownBy(() -> DistributionRules.load(shadowed)).hasMessage(shadowed + ":5: rule 2 (report-type SCORECARD,"
                + " entity-type REP) is never used: rule 1 above it (report-type *, entity-type REP) matches every report it"
                + " names, and the first rule that matches wins. Move it above rule 1, or delete it");
        // the other way round each is used: scorecards by the first, the other reports of a rep by the second
        Path ordered = write("""
                rules:
                  - report-type: SCORECARD
                    entity-type: REP
                    to: [self, manager-chain]
                  - report-type: "*"
                    entity-type: REP
                    to: [self]
                """);
        assertThat(DistributionRules.load(ordered).ruleFor("WEEKLY", "REP").orElseThrow().to()).containsExactly(Audience.SELF);
    }

    @Test
    void malformedRulesAreRefusedWithFileLineAndReason() throws Exception {
        Path self = write("""
                rules:
                  - report-type: WEEKLY
                    entity-type: REP
                    to: [team-lead]
                  - report-type: WEEKLY
                    entity-type: TEAM
                    to: [self]
                """);
        assertThatThrownBy(() -> DistributionRules.load(self)).isInstanceOf(com.kam.pipeline.system.ConfigException.class)
                .hasMessage(self + ":5: rule 2: 'self' only applies to entity-type REP");

        Path type = write("""
                rules:
                  - report-type: MONTHLY
                    entity-type: REP
                    to: [self]
                """);
        assertThatThrownBy(() -> DistributionRules.load(type)).hasMessageStartingWith(type
                + ":2: rule 1: report-type 'MONTHLY' is not one of");

        Path levels = write("""
                rules:
                  - report-type: "*"
                    entity-type: REP
                    to: [self]
                    manager-levels: 2
                """);
        assertThatThrownBy(() -> DistributionRules.load(levels)).hasMessage(levels
                + ":2: rule 1: manager-levels is set but 'to' has no manager-chain");

        Path yaml = write("""
                rules:
                  - report-type: "*"
                    entity-type: [REP
                """);
        assertThatThrownBy(() -> DistributionRules.load(yaml)).hasMessageStartingWith(yaml + ":3:");
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "distribution", ".yml");
        Files.writeString(file, text);
        return file;
    }
}
