package com.kam.pipeline.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import com.kam.pipeline.system.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mistakes a sales director can make in appraisal.yml that would otherwise pass unseen: each is
 * refused naming the file, the line and what to change (exit 2, as every {@link ConfigException}).
 */
class AppraisalSettingsTest {

    @TempDir
    Path jobs;

    /** The shipped file with {@code from} replaced by {@code to}, written to the test's jobs folder; its text. */
    private String shippedWith(String from, String to) throws Exception {
        String shipped = Files.readString(Path.of("jobs", AppraisalSettings.FILE));
        assertThat(shipped).contains(from);
        String edited = shipped.replace(from, to);
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), edited);
        return edited;
    }

    /** The line (from 1) of the {@code occurrence}-th (from 0) line of {@code text} that is exactly {@code line}, trimmed. */
    private static int lineOf(String text, String line, int occurrence) {
        List<String> lines = text.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(line) && seen++ == occurrence) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + line);
    }

    /** The message the test's appraisal.yml is refused with. */
    private String refusal() {
        try {
            AppraisalSettings.load(jobs);
        } catch (ConfigException e) {
            return e.getMessage();
        }
        throw new AssertionError("appraisal.yml was accepted");
    }

    @Test
    void aMistypedKeyInAnItemListsTheKeysOfAnItem() throws Exception {
        String file = shippedWith("weight: 35", "weigth: 35");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "weigth: 35", 0)
                + ": unknown setting 'weigth'; settings of an item are measure, label, weight, goal, cap");
    }

    @Test
    void aMistypedKeyAtTheTopListsTheKeysOfTheFile() throws Exception {
        String file = shippedWith("grades:", "grade:");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "grade:", 0)
                + ": unknown setting 'grade'; settings are items, grades");
    }

    @Test
    void aRefusedItemIsPointedAtByItsOwnLineNotByAnotherWhoseMeasureStartsTheSame() throws Exception {
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), """
                items:
                  - measure: sales_growth
                    weight: 50
                    goal: 0.15
                    cap: 1.2
                  - label: 销售额 | Sales
                    measure: sales
                    weight: 0
                    cap: 1.2
                """);
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":7: item sales: weight must be above 0");
    }

    @Test
    void aMeasureListedTwiceIsRefusedNamingBothLines() throws Exception {
        // the new-customers item turned into a second sales item (the weights still add up to 100)
        String file = shippedWith("- measure: new_customers", "- measure: sales");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "- measure: sales", 1)
                + ": item sales is listed twice (lines " + lineOf(file, "- measure: sales", 0) + " and "
                + lineOf(file, "- measure: sales", 1) + "): score each measure once, in one item");
    }

    @Test
    void aGoalOnAMeasureWhoseGoalIsTheRepsTargetIsRefused() throws Exception {
        String file = shippedWith("    weight: 20\n    cap: 1.2", "    weight: 20\n    goal: 500000\n    cap: 1.2");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "goal: 500000", 0)
                + ": item collections: delete 'goal: 500000': the goal of collections is each rep's monthly target"
                + " (collection_target in the targets file), not a number in this file");
    }

    @Test
    void aClosedMonthsRecordedTextIsReadAsItWasScoredThoughTheFileWouldNowBeRefused() throws Exception {
        // a text recorded before the checks above: its goal on sales was ignored when the month was scored
        String recorded = Files.readString(Path.of("jobs", AppraisalSettings.FILE)).replace("    weight: 35\n",
                "    weight: 35\n    goal: 500000\n");
        AppraisalSettings shipped = AppraisalSettings.load(Path.of("jobs"));
        assertThat(AppraisalSettings.parseRecorded(Path.of("appraisal.yml as recorded for 2026-10"), recorded))
                .isEqualTo(shipped);
        Files.writeString(jobs.resolve(AppraisalSettings.FILE), recorded);
        assertThat(refusal()).contains("item sales: delete 'goal: 500000'");
    }

    @Test
    void aCapBelowOneOrAboveThreeIsRefused() throws Exception {
        String file = shippedWith("    weight: 35\n    cap: 1.2", "    weight: 35\n    cap: 12");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "cap: 12", 0)
                + ": item sales: cap 12 is not between 1.0 and 3.0: the cap is the most attainment that counts, as a multiple"
                + " of the goal (1.0: up to the goal, 1.2: up to 120 %)");
        file = shippedWith("    weight: 15\n    cap: 1.0", "    weight: 15\n    cap: 0.8");
        assertThat(refusal()).startsWith(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "cap: 0.8", 0)
                + ": item new_customers: cap 0.8 is not between 1.0 and 3.0");
        // 3.0 itself is allowed
        shippedWith("    weight: 35\n    cap: 1.2", "    weight: 35\n    cap: 3.0");
        assertThat(AppraisalSettings.load(jobs).items().get(0).cap()).isEqualByComparingTo("3");
        // refused as before: a cap of 0, a negative weight, a negative goal
        shippedWith("    weight: 35\n    cap: 1.2", "    weight: 35\n    cap: 0");
        assertThat(refusal()).endsWith(": item sales: cap must be above 0 (1.2 allows 120%)");
        shippedWith("weight: 35", "weight: -35");
        assertThat(refusal()).endsWith(": item sales: weight must be above 0");
        shippedWith("goal: 0.6", "goal: -0.6");
        assertThat(refusal()).endsWith(": item effective_visit_rate: a rate needs a goal above 0, e.g. goal: 0.6");
    }

    @Test
    void aRateGoalAboveOneIsRefusedAsAShareNoOneReaches() throws Exception {
        String file = shippedWith("goal: 0.6", "goal: 60");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "goal: 60", 0)
                + ": item effective_visit_rate: goal 60 is more than 1: the goal of a rate is a share (0.6 for 60 %), and no"
                + " one reaches more than all");
        // 1.0 is all of them
        shippedWith("goal: 0.6", "goal: 1.0");
        assertThat(AppraisalSettings.load(jobs).items().get(3).goal()).isEqualByComparingTo("1");
    }

    @Test
    void aLabelCutShortByACommentIsRefusedAskingForQuotes() throws Exception {
        String file = shippedWith("label: 销售额达成 | Sales attainment", "label: 销售额 #1 | Sales");
        assertThat(refusal()).isEqualTo(jobs.resolve(AppraisalSettings.FILE) + ":" + lineOf(file, "label: 销售额 #1 | Sales", 0)
                + ": item sales: the label reads \"销售额\", without \"#1 | Sales\" (\" #\" starts a comment in YAML): put the"
                + " label in quotes, label: \"销售额 #1 | Sales\", or the comment on a line of its own");
        // quoted, it is the whole label; a # inside a word starts no comment
        shippedWith("label: 销售额达成 | Sales attainment", "label: \"销售额 #1 | Sales\"  # the first item");
        assertThat(AppraisalSettings.load(jobs).items().get(0).label()).isEqualTo("销售额 #1 | Sales");
        shippedWith("label: 销售额达成 | Sales attainment", "label: 销售额#1 | Sales#1");
        assertThat(AppraisalSettings.load(jobs).items().get(0).label()).isEqualTo("销售额#1 | Sales#1");
    }
}
