package com.kam.pipeline.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the sales organisation: a director (HQ), region managers, teams (办事处) of 3-5 reps
 * with a team lead each, and a little history (a rep who moves team mid-month, one who leaves
 * and one who joins during the period and takes over the leaver's accounts).
 */
final class OrgGenerator {

    private static final long STREAM = 1;

    private final GeneratorOptions options;
    private final Rng rng;
    private final ChineseNames names = new ChineseNames();
    private int nextId = 1;
    private String forcedEnglishId = "";

    OrgGenerator(GeneratorOptions options) {
        this.options = options;
        this.rng = new Rng(options.seed(), STREAM);
    }

    private record Team(String code, String name, Places.Region region, Places.City city, String leadId) {
    }

    Org generate() {
        int n = options.reps();
        int teamCount = Math.max(1, (int) Math.round(n / 3.5));
        int regionCount = n >= 1000 ? (int) Math.round(n / 100.0) : Math.min(3, teamCount);
        List<Places.Region> regions = Places.regions(regionCount);
        List<Org.Row> rows = new ArrayList<>();

        String directorId = person(rows, "DIRECTOR", "", null, "HQ", "总部", hireDate(3000, 4000), null);
        List<String> managerIds = new ArrayList<>();
        for (Places.Region region : regions) {
            managerIds.add(person(rows, "REGION_MANAGER", directorId, null, region.code(), region.name(),
                    hireDate(1500, 3500), null));
        }
        List<Team> teams = new ArrayList<>();
        String codeFormat = "T%0" + Math.max(3, String.valueOf(teamCount).length()) + "d";
        for (int t = 0; t < teamCount; t++) {
            Places.Region region = regions.get(t % regionCount);
            int slot = t / regionCount;
            Places.City city = region.cities().get(slot % region.cities().size());
            int round = slot / region.cities().size();
            String name = city.name() + (round == 0 ? "" : "第" + Places.numeral(round + 1)) + "办事处";
            String code = String.format(codeFormat, t + 1);
            Team shell = new Team(code, name, region, city, null);
            String leadId = person(rows, "TEAM_LEAD", managerIds.get(t % regionCount), shell, region.code(),
                    region.name(), hireDate(700, 3000), null);
            teams.add(new Team(code, name, region, city, leadId));
        }
        return addReps(rows, teams, n);
    }

    /** Reps, team by team; then the history events, where the company is big enough for them. */
    private Org addReps(List<Org.Row> rows, List<Team> teams, int n) {
        int[] sizes = teamSizes(teams.size(), n);
        forcedEnglishId = String.format("E%05d", nextId + Math.min(4, n - 1));   // so even a small set has an English reader
        long periodDays = ChronoUnit.DAYS.between(options.start(), options.end());
        boolean history = n >= 4 && periodDays >= 20;
        LocalDate joinDate = options.start().plusDays(periodDays * 45 / 100);
        LocalDate leaveDate = options.start().plusDays(periodDays * 60 / 100);
        int lastTeam = teams.size() - 1;
        int leaverIndex = history ? n - sizes[lastTeam] : -1;   // first rep of the joiner's team
        int joinerIndex = history ? n - 1 : -1;
        int[] move = history ? chooseMove(teams, sizes, leaverIndex, joinerIndex) : null;
        LocalDate moveDate = move == null ? null : moveDate(periodDays);

        List<Org.Rep> reps = new ArrayList<>();
        Org.Rep leaver = null;
        Org.Rep joiner = null;
        Org.Rep moved = null;
        int index = 0;
        for (int t = 0; t < teams.size(); t++) {
            Team team = teams.get(t);
            for (int k = 0; k < sizes[t]; k++, index++) {
                LocalDate from = index == joinerIndex ? joinDate : hireDate(240, 2900);
                LocalDate to = index == leaverIndex ? leaveDate : null;
                String id;
                if (move != null && index == move[0]) {
                    Team target = teams.get(move[1]);
                    id = person(rows, "REP", team.leadId(), team, team.region().code(), team.region().name(),
                            from, moveDate.minusDays(1));
                    Org.Row first = rows.get(rows.size() - 1);
                    rows.add(new Org.Row(id, first.name(), "REP", first.email(), first.language(), target.leadId(),
                            target.code(), target.name(), target.region().code(), target.region().name(),
                            moveDate, null));
                } else {
                    id = person(rows, "REP", team.leadId(), team, team.region().code(), team.region().name(), from, to);
                }
                Org.Rep rep = new Org.Rep(index, id, rows.get(rows.size() - 1).name(), team.region(), team.city(),
                        from, to);
                reps.add(rep);
                if (index == leaverIndex) {
                    leaver = rep;
                } else if (index == joinerIndex) {
                    joiner = rep;
                } else if (move != null && index == move[0]) {
                    moved = rep;
                }
            }
        }
        return new Org(List.copyOf(rows), List.copyOf(reps), leaver, joiner, moved, moved == null ? null : moveDate);
    }

    /** Each team gets 3 reps (fewer in a tiny company), the rest go to random teams. */
    private int[] teamSizes(int teamCount, int n) {
        int base = Math.min(3, n / teamCount);
        int[] sizes = new int[teamCount];
        java.util.Arrays.fill(sizes, base);
        for (int extra = n - base * teamCount; extra > 0; extra--) {
            sizes[rng.between(0, teamCount - 1)]++;
        }
        return sizes;
    }

    /** {rep index, target team}: the second rep of the first team moves to another team of the same region. */
    private int[] chooseMove(List<Team> teams, int[] sizes, int leaverIndex, int joinerIndex) {
        int regionCount = (int) teams.stream().map(Team::region).distinct().count();
        if (teams.size() <= regionCount) {
            return null;   // no region has two teams
        }
        int candidate = sizes[0] > 1 ? 1 : 0;
        if (candidate == leaverIndex || candidate == joinerIndex) {
            return null;
        }
        return new int[] {candidate, regionCount};   // team regionCount is the first region's second team
    }

    /** The 16th of the month in the middle of the period: a move in the middle of a month. */
    private LocalDate moveDate(long periodDays) {
        LocalDate middle = options.start().plusDays(periodDays / 2);
        LocalDate date = middle.withDayOfMonth(Math.min(16, middle.lengthOfMonth()));
        return date.isAfter(options.start()) && !date.isAfter(options.end()) ? date : middle;
    }

    private LocalDate hireDate(int minDaysBefore, int maxDaysBefore) {
        return options.start().minusDays(rng.between(minDaysBefore, maxDaysBefore));
    }

    /** Adds one person's row and returns the new employee id. */
    private String person(List<Org.Row> rows, String role, String managerId, Team team, String regionCode,
            String regionName, LocalDate from, LocalDate to) {
        String id = String.format("E%05d", nextId++);
        ChineseNames.Name name = names.next(rng);
        boolean english = rng.chance(0.03) || id.equals(forcedEnglishId);
        rows.add(new Org.Row(id, name.chinese(), role, name.email(), english ? "en" : "zh", managerId,
                team == null ? "" : team.code(), team == null ? "" : team.name(), regionCode, regionName, from, to));
        return id;
    }
}
