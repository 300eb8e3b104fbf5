package com.kam.pipeline.rollup;

import com.kam.pipeline.system.ConfigException;
import com.kam.pipeline.system.ConfigFile;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code jobs/appraisal.yml}, checked: the items of the monthly rep appraisal, their weights and caps, and the grades. */
public record AppraisalSettings(List<Item> items, List<Grade> grades) {

    static final String FILE = "appraisal.yml";
    static final String LOWEST_GRADE = "差";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int LABEL_LENGTH = 200;
    /**
     * The range of a cap, the most attainment an item counts, as a multiple of its goal (1.2: up to
     * 120 %). Below 1.0 a rep at every goal could not score 100; above 3.0 (300 %) is no pay plan's
     * cap but a typo's (cap: 12 for 1.2), and lets one item outweigh all the others.
     */
    private static final BigDecimal LOWEST_CAP = new BigDecimal("1.0");
    private static final BigDecimal HIGHEST_CAP = new BigDecimal("3.0");

    /** Measures whose goal is the rep's monthly target. */
    static final Map<String, String[]> TARGETED = Map.of(
            "sales", new String[] {"orders_amount", "sales_target"},
            "margin", new String[] {"gross_margin", "margin_target"},
            "collections", new String[] {"collections", "collection_target"},
            "new_customers", new String[] {"new_customers", "new_customer_target"},
            "visits", new String[] {"visits", "visit_target"});
    /** Rates whose goal is set in the file. */
    static final Set<String> RATES = Set.of("effective_visit_rate", "transaction_rate", "plan_adherence",
            "report_on_time_rate", "report_completeness", "complaint_resolution_rate", "sales_growth");
    /** Measures in days whose goal is set in the file: the fewer the better, so attainment is goal / actual. */
    static final Set<String> DAYS = Set.of("complaint_resolution_days");
    /** The rollup column of a measure whose goal is set in the file, where it is not the measure's own name. */
    private static final Map<String, String> COLUMNS = Map.of("sales_growth", "orders_yoy_growth");

    /** Targeted measures that count things rather than money. */
    private static final Set<String> COUNTS = Set.of("new_customers", "visits");

    /** How an item's actual and goal read: RATE (a share), COUNT, DAYS, or MONEY (also for an unknown measure). */
    public static String kindOf(String measure) {
        return RATES.contains(measure) ? "RATE" : COUNTS.contains(measure) ? "COUNT" : DAYS.contains(measure) ? "DAYS"
                : "MONEY";
    }

    /** The rollup column an item whose goal is set in the file reads. */
    static String columnOf(String measure) {
        return COLUMNS.getOrDefault(measure, measure);
    }

    /** Whether the item's goal is set in this file (not the rep's monthly target). */
    static boolean goalInFile(String measure) {
        return RATES.contains(measure) || DAYS.contains(measure);
    }

    /** One appraisal item; {@code goal} is null for targeted measures, {@code label} when the file gives none. */
    public record Item(String measure, String label, BigDecimal weight, BigDecimal cap, BigDecimal goal) {
    }

    /**
     * The part of an item's label for a report language: a label reads "中文 | English", the
     * Chinese part for Chinese reports and the other for the rest; one without "|" serves all.
     * Null for no label.
     */
    public static String labelIn(String label, String language) {
        if (label == null || label.isBlank()) {
            return null;
        }
        int bar = label.indexOf('|');
        if (bar < 0) {
            return label.trim();
        }
        String part = ("zh".equals(language) ? label.substring(0, bar) : label.substring(bar + 1)).trim();
        return part.isEmpty() ? null : part;
    }

    public record Grade(String name, BigDecimal minimum) {
    }

    /** The grade of a score: the first whose minimum it reaches, else 差. */
    public String gradeOf(BigDecimal score) {
        return grades.stream().filter(g -> score.compareTo(g.minimum()) >= 0).map(Grade::name).findFirst().orElse(LOWEST_GRADE);
    }

    public static AppraisalSettings load(Path jobsDirectory) {
        Path file = jobsDirectory.resolve(FILE);
        return parse(file, ConfigFile.text(file));
    }

    /**
     * The settings {@code text} holds, checked as the file is: {@link #load} reads the file through
     * here, and {@link AppraisalMonthSettings} the file it records for the months it scores. {@code file}
     * names the text in messages.
     */
    static AppraisalSettings parse(Path file, String text) {
        return parse(file, text, true);
    }

    /**
     * A closed month's recorded text ({@link AppraisalMonthSettings}), read as {@link #parse} reads
     * the file but for the checks marked "as edited".
     */
    static AppraisalSettings parseRecorded(Path file, String text) {
        return parse(file, text, false);
    }

    /**
     * {@code asEdited}: the checks marked so came after months' settings were first recorded. A closed
     * month was scored, and people paid, with what its recorded text said then (a goal on a targeted
     * measure ignored, a cap of 5, a label cut at " #"), so that text must still read, and score, the
     * same; every text recorded since passed them as the file.
     */
    private static AppraisalSettings parse(Path file, String text, boolean asEdited) {
        Raw raw = ConfigFile.read(file, text, Raw.class, "items, grades",
                Map.of(RawItem.class, "settings of an item are measure, label, weight, goal, cap"));
        if (raw.items == null || raw.items.isEmpty()) {
            throw ConfigFile.error(file, "items", "'items' must list at least one appraisal item");
        }
        ItemLines lines = new ItemLines(text);
        Map<String, Integer> measureLines = new java.util.HashMap<>();
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < raw.items.size(); k++) {
            RawItem r = raw.items.get(k);
            int line = lines.of(k);
            String measure = r.measure == null ? "" : r.measure.trim();
            if (!TARGETED.containsKey(measure) && !goalInFile(measure)) {
                throw new ConfigException(file, line, "unknown measure '" + r.measure + "'; measures are "
                        + String.join(", ", new java.util.TreeSet<>(TARGETED.keySet())) + ", "
                        + String.join(", ", new java.util.TreeSet<>(RATES)) + ", " + String.join(", ", new java.util.TreeSet<>(DAYS)));
            }
            Integer first = measureLines.putIfAbsent(measure, line);
            if (asEdited && first != null) {
                // kam check passed it, then the night's run failed: the appraisal keeps one row per rep and measure
                throw new ConfigException(file, line, "item " + measure + " is listed twice" + (line > 0 ? " (lines " + first
                        + " and " + line + ")" : "") + ": score each measure once, in one item");
            }
            if (r.weight == null || r.weight.signum() <= 0) {
                throw new ConfigException(file, line, "item " + measure + ": weight must be above 0");
            }
            if (r.cap == null || r.cap.signum() <= 0) {
                throw new ConfigException(file, line, "item " + measure + ": cap must be above 0 (1.2 allows 120%)");
            }
            if (asEdited && (r.cap.compareTo(LOWEST_CAP) < 0 || r.cap.compareTo(HIGHEST_CAP) > 0)) {
                throw new ConfigException(file, lines.of(k, "cap"), "item " + measure + ": cap " + r.cap.toPlainString()
                        + " is not between " + LOWEST_CAP + " and " + HIGHEST_CAP + ": the cap is the most attainment that"
                        + " counts, as a multiple of the goal (1.0: up to the goal, 1.2: up to 120 %)");
            }
            if (RATES.contains(measure) && (r.goal == null || r.goal.signum() <= 0)) {
                throw new ConfigException(file, line, "item " + measure + ": a rate needs a goal above 0, e.g. goal: "
                        + ("sales_growth".equals(measure) ? "0.15 for 15 % more than the same month last year" : "0.6"));
            }
            if (asEdited && RATES.contains(measure) && !"sales_growth".equals(measure) && r.goal.compareTo(BigDecimal.ONE) > 0) {
                // a share above 1 cannot be reached: goal: 60 meant as 60 % scores every rep near 0
                throw new ConfigException(file, lines.of(k, "goal"), "item " + measure + ": goal " + r.goal.toPlainString()
                        + " is more than 1: the goal of a rate is a share (0.6 for 60 %), and no one reaches more than all");
            }
            if (DAYS.contains(measure) && (r.goal == null || r.goal.signum() <= 0)) {
                throw new ConfigException(file, line, "item " + measure + ": needs a goal in days above 0, e.g."
                        + " goal: 3 (resolved in 3 days on average scores in full; in 6, half)");
            }
            if (asEdited && TARGETED.containsKey(measure) && r.goal != null) {
                // it would be ignored: a targeted measure's goal is each rep's own target, month by month
                throw new ConfigException(file, lines.of(k, "goal"), "item " + measure + ": delete 'goal: "
                        + r.goal.toPlainString() + "': the goal of " + measure + " is each rep's monthly target ("
                        + TARGETED.get(measure)[1] + " in the targets file), not a number in this file");
            }
            // YAML ends an unquoted value at " #": label: 销售额 #1 | Sales reads 销售额, the rest of the line a comment
            String written = lines.after(lines.of(k, "label"), "label");
            String read = r.label == null ? "" : r.label;
            String rest = written == null || !written.contains(read) ? "" : written.substring(written.indexOf(read) + read.length());
            if (asEdited && rest.matches("\\s+#.*")) {
                throw new ConfigException(file, lines.of(k, "label"), "item " + measure + ": the label reads \"" + read
                        + "\", without \"" + rest.strip() + "\" (\" #\" starts a comment in YAML): put the label in quotes,"
                        + " label: \"" + written.strip() + "\", or the comment on a line of its own");
            }
            String label = r.label == null || r.label.isBlank() ? null : r.label.trim();
            if (label != null && label.length() > LABEL_LENGTH) {
                // the appraisal keeps each item's label (appraisal_item.label)
                throw new ConfigException(file, line, "item " + measure + ": the label is " + label.length()
                        + " characters long; at most " + LABEL_LENGTH);
            }
            items.add(new Item(measure, label, r.weight, r.cap, goalInFile(measure) ? r.goal : null));
        }
        checkWeightsMakeHundred(file, items);
        List<Grade> grades = new ArrayList<>();
        Map<String, BigDecimal> rawGrades = raw.grades == null ? new LinkedHashMap<>() : raw.grades;
        rawGrades.forEach((name, min) -> {
            if (min == null || min.signum() < 0 || min.compareTo(HUNDRED) > 0) {
                throw ConfigFile.error(file, name, "grade " + name + ": minimum score must be between 0 and 100");
            }
            Grade above = grades.isEmpty() ? null : grades.get(grades.size() - 1);
            if (above != null && min.compareTo(above.minimum()) >= 0) {
                // a grade ranked below another with a minimum as high would never be given, or be given above it
                throw ConfigFile.error(file, name, "grade " + name + " (" + min.toPlainString() + ") must have a lower minimum"
                        + " than " + above.name() + " (" + above.minimum().toPlainString() + ") above it: list the grades"
                        + " from the best down");
            }
            grades.add(new Grade(name, min));
        });
        return new AppraisalSettings(List.copyOf(items), List.copyOf(grades));
    }

    /**
     * The weights are the items' shares of the score, as on a printed appraisal form: they must add
     * up to 100, so that an edited weight cannot quietly change what every other item is worth.
     */
    private static void checkWeightsMakeHundred(Path file, List<Item> items) {
        BigDecimal total = items.stream().map(Item::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(HUNDRED) != 0) {
            String each = items.stream().map(i -> i.measure() + " " + i.weight().toPlainString())
                    .collect(java.util.stream.Collectors.joining(", "));
            throw ConfigFile.error(file, "items", "the item weights add up to " + total.toPlainString() + " (" + each
                    + "); they must add up to 100");
        }
    }

    record Raw(List<RawItem> items, LinkedHashMap<String, BigDecimal> grades) {
    }

    record RawItem(String measure, String label, BigDecimal weight, BigDecimal cap, BigDecimal goal) {
    }

    /**
     * Where the items are in the text, so that a refusal points at the item's own line: searching
     * the file for "measure: sales" would find the first of two such items, or "measure: sales_growth".
     * An item starts at a line "- ..." and runs to the next one, or to a line indented no deeper
     * than its "-" (grades:). Read from the text, not the file, so that a closed month's recorded
     * text is pointed into too.
     */
    private static final class ItemLines {

        private final List<String> lines;
        /** The index in {@code lines} of each item's first line, and of the line after its last. */
        private final List<int[]> items = new ArrayList<>();

        ItemLines(String text) {
            lines = text.lines().toList();
            int start = -1;
            int indent = 0;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.trim();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int at = line.indexOf(trimmed);
                boolean dash = trimmed.equals("-") || trimmed.startsWith("- ");
                if (start >= 0 && (dash || at <= indent)) {
                    items.add(new int[] {start, i});
                    start = -1;
                }
                if (dash) {
                    start = i;
                    indent = at;
                }
            }
            if (start >= 0) {
                items.add(new int[] {start, lines.size()});
            }
        }

        /** The line (from 1) of item {@code k}: of its measure, else its first line; 0 when not found (a list in [ ]). */
        int of(int k) {
            int measure = find(k, "measure");
            return measure > 0 || k >= items.size() ? measure : items.get(k)[0] + 1;
        }

        /** The line (from 1) of item {@code k}'s {@code key}, else {@link #of(int) the item's}. */
        int of(int k, String key) {
            int line = find(k, key);
            return line > 0 ? line : of(k);
        }

        private int find(int k, String key) {
            if (k >= items.size()) {
                return 0;
            }
            for (int i = items.get(k)[0]; i < items.get(k)[1]; i++) {
                if (after(i + 1, key) != null) {
                    return i + 1;
                }
            }
            return 0;
        }

        /** What follows "{@code key}:" on line {@code line} (from 1), as written; null when the line holds another key. */
        String after(int line, String key) {
            if (line <= 0) {
                return null;
            }
            String trimmed = lines.get(line - 1).trim();
            trimmed = trimmed.startsWith("- ") ? trimmed.substring(2).trim() : trimmed;
            return trimmed.startsWith(key + ":") ? trimmed.substring(key.length() + 1) : null;
        }
    }
}
