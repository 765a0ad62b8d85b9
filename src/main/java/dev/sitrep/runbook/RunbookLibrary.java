package dev.sitrep.runbook;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The runbooks a workspace has: the built-in ones plus the team's files in
 * {@code <data-dir>/runbooks/*.json}. Each file is read on its own, so a broken file only takes
 * itself out. A team runbook with a built-in's id is used in its place (when it is valid; when
 * not, the built-in stays in use). References into other runbooks ({@code "lifecycle#verify"})
 * are checked against the runbooks in use; a runbook whose references dangle is not used.
 */
public final class RunbookLibrary {

    /** The folder inside the data directory that holds the team's runbooks. */
    public static final String TEAM_FOLDER = "runbooks";

    /** A file read, before the library decides what is in use. */
    private record Source(String file, Path path, LoadedRunbook.Origin origin, RunbookParser.Parsed parsed) {
    }

    private final List<Source> sources;
    private final List<LoadedRunbook> entries;
    private final Map<String, Runbook> inUse;

    private RunbookLibrary(List<Source> sources) {
        this.sources = List.copyOf(sources);
        Map<String, List<Problem>> extra = new HashMap<>();
        this.inUse = assemble(this.sources, extra);
        List<LoadedRunbook> loaded = new ArrayList<>();
        for (Source s : this.sources) {
            List<Problem> problems = new ArrayList<>(s.parsed().problems());
            problems.addAll(extra.getOrDefault(s.file(), List.of()));
            problems.sort(null);
            Runbook rb = s.parsed().runbook();
            Runbook used = rb == null ? null : inUse.get(rb.id());
            String replacedBy = rb != null && problems.isEmpty() && used != null && used != rb ? used.file() : null;
            loaded.add(new LoadedRunbook(s.file(), s.path(), s.origin(), rb, problems, replacedBy));
        }
        this.entries = List.copyOf(loaded);
    }

    /** The built-in runbooks only. */
    public static RunbookLibrary builtIns() {
        return new RunbookLibrary(builtInSources());
    }

    /** The built-in runbooks and the team's files in {@code <dataDir>/runbooks}. */
    public static RunbookLibrary load(Path dataDir) {
        List<Source> sources = builtInSources();
        sources.addAll(teamSources(teamDirectory(dataDir)));
        return new RunbookLibrary(sources);
    }

    public static Path teamDirectory(Path dataDir) {
        return dataDir.resolve(TEAM_FOLDER);
    }

    /** Every file, built-in ones first, then the team's by name, with what is wrong with each. */
    public List<LoadedRunbook> entries() {
        return entries;
    }

    /** The runbooks in use (valid, and not replaced), in {@link #entries()} order. */
    public List<Runbook> runbooks() {
        return entries.stream().filter(LoadedRunbook::inUse).map(LoadedRunbook::runbook).toList();
    }

    /** The runbook in use with this id. */
    public Optional<Runbook> runbook(String id) {
        return Optional.ofNullable(inUse.get(id));
    }

    /** The runbooks in use that have a triage tree. */
    public List<Runbook> triageTrees() {
        return runbooks().stream().filter(Runbook::hasTriage).toList();
    }

    /** The section a reference written in {@code from} names, with the runbook it is in. */
    public Optional<OpenedSection> section(Runbook from, String reference) {
        Ref ref = Ref.parse(reference);
        Runbook owner = ref.crossesTo(from.id()) ? inUse.get(ref.runbook()) : from;
        return owner == null ? Optional.empty() : owner.section(ref.id()).map(s -> new OpenedSection(owner, s));
    }

    /** The table a reference written in {@code from} names. */
    public Optional<ReferenceTable> table(Runbook from, String reference) {
        Ref ref = Ref.parse(reference);
        Runbook owner = ref.crossesTo(from.id()) ? inUse.get(ref.runbook()) : from;
        return owner == null ? Optional.empty() : owner.table(ref.id());
    }

    /**
     * Checks one file as if it were dropped into the team folder: on its own, then its id and
     * references against this library. The library's own copy of the same file is left out.
     */
    public LoadedRunbook check(Path file, String label) {
        RunbookParser.Parsed parsed = RunbookParser.read(file, label);
        List<Source> others = new ArrayList<>();
        for (Source s : sources) {
            if (s.path() == null || !sameFile(s.path(), file)) {
                others.add(s);
            }
        }
        others.add(new Source(label, file, LoadedRunbook.Origin.TEAM, parsed));
        List<LoadedRunbook> all = new RunbookLibrary(others).entries();
        return all.get(all.size() - 1);
    }

    private static List<Source> builtInSources() {
        List<Source> out = new ArrayList<>();
        List<RunbookParser.Parsed> parsed = BuiltInRunbooks.parsed();
        for (int i = 0; i < parsed.size(); i++) {
            out.add(new Source(BuiltInRunbooks.label(BuiltInRunbooks.FILES.get(i)), null, LoadedRunbook.Origin.BUILT_IN,
                    parsed.get(i)));
        }
        return out;
    }

    private static List<Source> teamSources(Path dir) {
        List<Source> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir)) {
            for (Path p : listing) {
                String name = p.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".json") && !name.startsWith(".") && !Files.isDirectory(p)) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            Problems p = new Problems(dir.toString());
            p.add(1, "the team runbook folder cannot be listed (" + e.getMessage() + "); check its permissions");
            out.add(new Source(dir.toString(), dir, LoadedRunbook.Origin.TEAM, new RunbookParser.Parsed(null, p.sorted())));
            return out;
        }
        files.sort(null);
        for (Path p : files) {
            out.add(new Source(p.toString(), p, LoadedRunbook.Origin.TEAM, RunbookParser.read(p, p.toString())));
        }
        return out;
    }

    /**
     * Decides which runbook is in use for each id and records the problems that only the whole
     * library shows (a team id used twice, dangling references into other runbooks) in {@code extra}.
     */
    private static Map<String, Runbook> assemble(List<Source> sources, Map<String, List<Problem>> extra) {
        Map<String, List<Runbook>> candidates = new LinkedHashMap<>();
        Map<String, Source> firstTeamWithId = new HashMap<>();
        Map<String, Source> builtInWithId = new HashMap<>();
        for (Source s : sources) {
            Runbook rb = s.parsed().runbook();
            if (rb == null || rb.id().isEmpty()) {
                continue;
            }
            if (s.origin() == LoadedRunbook.Origin.BUILT_IN) {
                builtInWithId.putIfAbsent(rb.id(), s);
            } else {
                Source first = firstTeamWithId.putIfAbsent(rb.id(), s);
                if (first != null) {
                    extra.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(new Problem(s.file(), 1,
                            "the id \"" + rb.id() + "\" is already used by " + first.file()
                                    + "; give this runbook another id"));
                    continue;
                }
            }
        }
        // the team's version first, the built-in as fall-back
        for (Map<String, Source> byId : List.of(firstTeamWithId, builtInWithId)) {
            for (Source s : byId.values()) {
                if (s.parsed().valid()) {
                    candidates.computeIfAbsent(s.parsed().runbook().id(), k -> new ArrayList<>()).add(s.parsed().runbook());
                }
            }
        }
        Set<String> allIds = new HashSet<>(firstTeamWithId.keySet());
        allIds.addAll(builtInWithId.keySet());
        Map<String, Runbook> inUse = firstOfEach(candidates);
        CrossReferences.Failure failure;
        while ((failure = firstFailure(inUse, allIds)) != null) {
            Runbook target = inUse.get(failure.target());
            Source builtIn = builtInWithId.get(failure.target());
            if (target != null && builtIn != null && builtIn.parsed().runbook() != target) {
                // A team file replaced a built-in without what others refer to: the built-in comes back.
                candidates.get(target.id()).remove(target);
                extra.computeIfAbsent(target.file(), k -> new ArrayList<>()).add(new Problem(target.file(), 1,
                        "replaces the built-in runbook \"" + target.id() + "\" but " + failure.problem().file() + ":"
                                + failure.problem().line() + " refers to \"" + target.id() + Ref.SEPARATOR
                                + failure.id() + "\", which it lacks; keep every section and table id of the "
                                + "built-in (the built-in stays in use until then)"));
            } else {
                Runbook referrer = findByFile(inUse, failure.problem().file());
                candidates.get(referrer.id()).remove(referrer);
            }
            inUse = firstOfEach(candidates);
        }
        for (Source s : sources) {
            Runbook rb = s.parsed().runbook();
            if (rb != null && inUse.get(rb.id()) != rb) {
                extra.computeIfAbsent(s.file(), k -> new ArrayList<>())
                        .addAll(CrossReferences.check(rb, inUse, broken(allIds, inUse)));
            }
        }
        return inUse;
    }

    private static CrossReferences.Failure firstFailure(Map<String, Runbook> inUse, Set<String> allIds) {
        for (Runbook rb : inUse.values()) {
            List<CrossReferences.Failure> failures = CrossReferences.failures(rb, inUse, broken(allIds, inUse));
            if (!failures.isEmpty()) {
                return failures.get(0);
            }
        }
        return null;
    }

    private static Runbook findByFile(Map<String, Runbook> inUse, String file) {
        return inUse.values().stream().filter(r -> r.file().equals(file)).findFirst().orElseThrow();
    }

    private static Map<String, Runbook> firstOfEach(Map<String, List<Runbook>> candidates) {
        Map<String, Runbook> out = new LinkedHashMap<>();
        candidates.forEach((id, list) -> {
            if (!list.isEmpty()) {
                out.put(id, list.get(0));
            }
        });
        return out;
    }

    private static Set<String> broken(Set<String> allIds, Map<String, Runbook> inUse) {
        Set<String> out = new HashSet<>(allIds);
        out.removeAll(inUse.keySet());
        return out;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
