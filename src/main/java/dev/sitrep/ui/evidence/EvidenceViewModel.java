package dev.sitrep.ui.evidence;

import dev.sitrep.core.AuditEntry;
import dev.sitrep.core.ByteSize;
import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.Incident;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.PlatformProfile;
import dev.sitrep.evidence.BlobStore;
import dev.sitrep.evidence.Bundles;
import dev.sitrep.evidence.EvidenceCaptures;
import dev.sitrep.evidence.EvidenceService;
import dev.sitrep.evidence.SecretScanner;
import dev.sitrep.incident.IncidentService;
import dev.sitrep.platform.Connectors;
import dev.sitrep.platform.Profiles;
import dev.sitrep.ui.common.ChangePoller;
import dev.sitrep.ui.common.SystemViewer;
import dev.sitrep.ui.common.BackgroundTask;
import dev.sitrep.ui.common.TaskStatus;
import dev.sitrep.ui.common.UiExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Evidence page: one incident's items (filtered by kind and tag), the chosen item's preview,
 * secrets and custody, and every way to capture more. Captures run in the background with
 * progress and a Cancel; the page stays usable meanwhile. Opening an item's preview or the
 * system viewer is recorded on the audit chain (once per item per session for previews).
 */
public final class EvidenceViewModel {

    /** The most text shown in a preview; the rest is one click away in the system viewer. */
    static final int PREVIEW_CHARS = 64 * 1024;

    /**
     * What the detail pane shows for the chosen item: {@code text} is its preview, or {@code null}
     * when its bytes are not text.
     */
    public record Detail(EvidenceItem item, String text, boolean textCut, List<SecretScanner.Finding> secrets,
                         List<AuditEntry> custody, EvidenceItem derivedFrom) {

        /** Whether the item is previewed as text. */
        public boolean hasText() {
            return text != null;
        }
    }

    /** An export held back: the bundle it was writing, and the items that hold secrets. */
    public record SecretsWarning(Path zip, List<Bundles.Flagged> flagged) {
    }

    private final EvidenceService evidence;
    private final EvidenceCaptures captures;
    private final Bundles bundles;
    private final IncidentService incidents;
    private final Profiles profiles;
    private final UiExecutor executor;
    private final SystemViewer viewer;
    private final Path viewDir;

    private final ObservableList<Incident> incidentChoices = FXCollections.observableArrayList();
    private final ObjectProperty<IncidentId> incident = new SimpleObjectProperty<>();
    private final ObservableList<EvidenceItem> items = FXCollections.observableArrayList();
    private final FilteredList<EvidenceItem> shown = new FilteredList<>(items, i -> true);
    private final ObservableList<String> tags = FXCollections.observableArrayList();
    private final ObjectProperty<EvidenceItem.Kind> kindFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<String> tagFilter = new SimpleObjectProperty<>();
    private final ObjectProperty<EvidenceItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Detail> detail = new ReadOnlyObjectWrapper<>();
    private final TaskStatus status = new TaskStatus();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<SecretsWarning> secretsWarning = new ReadOnlyObjectWrapper<>();
    private final Set<String> previewed = new HashSet<>();
    private long loadGeneration;
    /** While the list is replaced: the list view's passing "nothing selected" is not a choice. */
    private boolean reloading;

    public EvidenceViewModel(EvidenceService evidence, EvidenceCaptures captures, Bundles bundles, IncidentService incidents,
                             Profiles profiles, UiExecutor executor, SystemViewer viewer, Path viewDir) {
        this.evidence = evidence;
        this.captures = captures;
        this.bundles = bundles;
        this.incidents = incidents;
        this.profiles = profiles;
        this.executor = executor;
        this.viewer = viewer;
        this.viewDir = viewDir;
        incident.addListener((obs, was, now) -> {
            if (!Objects.equals(was, now)) {
                selected.set(null);
                reload();
            }
        });
        kindFilter.addListener((obs, was, now) -> refilter());
        tagFilter.addListener((obs, was, now) -> refilter());
        selected.addListener((obs, was, now) -> {
            if (!reloading) {
                loadDetail(now);
            }
        });
    }

    // Loading

    /** Reads the incidents to choose from (in the one order every page uses) and keeps {@code preferred} or the current choice. */
    public void loadIncidents(IncidentId preferred) {
        executor.submit(incidents::choices, list -> {
            incidentChoices.setAll(list);
            IncidentId keep = preferred != null ? preferred : incident.get();
            if (keep == null && !list.isEmpty()) {
                keep = list.get(0).id();
            }
            incident.set(keep);
        }, this::fail);
    }

    /** Shows the incident's items (the page follows the incident opened elsewhere in the console). */
    public void show(IncidentId id) {
        incident.set(id);
    }

    private void reload() {
        IncidentId id = incident.get();
        long generation = ++loadGeneration;
        if (id == null) {
            items.clear();
            return;
        }
        executor.submit(() -> evidence.list(id), list -> {
            if (generation != loadGeneration) {
                return; // another incident was chosen meanwhile
            }
            EvidenceItem keep = selected.get();
            reloading = true;
            items.setAll(list);
            tags.setAll(new TreeSet<>(list.stream().flatMap(i -> i.tags().stream()).toList()));
            if (tagFilter.get() != null && !tags.contains(tagFilter.get())) {
                tagFilter.set(null);
            }
            EvidenceItem again = keep == null ? null
                    : list.stream().filter(i -> i.id().equals(keep.id())).findFirst().orElse(null);
            selected.set(again);
            reloading = false;
            loadDetail(again);
        }, this::fail);
    }

    /** The store changed (here, in the CLI or another console): reload when it was this incident. */
    public void onChanges(ChangePoller.Changes changes) {
        IncidentId id = incident.get();
        if (id != null && changes.incidents().contains(id.value())) {
            reload();
        }
    }

    private void refilter() {
        EvidenceItem.Kind kind = kindFilter.get();
        String tag = tagFilter.get();
        shown.setPredicate(i -> (kind == null || i.kind() == kind) && (tag == null || i.tags().contains(tag)));
    }

    private void loadDetail(EvidenceItem item) {
        if (item == null) {
            detail.set(null);
            return;
        }
        if (detail.get() != null && detail.get().item().equals(item)) {
            return; // already shown as it is
        }
        boolean audit = previewed.add(item.id());
        executor.submit(() -> {
            String text = null;
            boolean cut = false;
            if (!isImage(item)) {
                byte[] head;
                try (InputStream in = Files.newInputStream(evidence.blob(item))) {
                    head = in.readNBytes(PREVIEW_CHARS + 1);
                }
                cut = head.length > PREVIEW_CHARS;
                text = TextPreview.of(head, Math.min(head.length, PREVIEW_CHARS), hasTextType(item));
            }
            List<SecretScanner.Finding> secrets = evidence.scan(item);
            if (audit) {
                evidence.viewed(item, "previewed in Sitrep");
            }
            EvidenceItem parent = item.derivedFrom() == null ? null : evidence.find(item.derivedFrom());
            return new Detail(item, text, cut, secrets, evidence.custody(item), parent);
        }, d -> {
            if (item.equals(selected.get())) {
                detail.set(d);
            }
        }, this::fail);
    }

    /** A media type that says text; other items are previewed when their bytes are (see {@link TextPreview}). */
    private static boolean hasTextType(EvidenceItem item) {
        return item.mediaType().startsWith("text/") || item.mediaType().contains("json")
                || item.mediaType().contains("xml") || item.mediaType().contains("yaml");
    }

    public static boolean isImage(EvidenceItem item) {
        return item.mediaType().startsWith("image/") && !item.mediaType().contains("svg");
    }

    // Captures

    /** Files and folders (dropped, chosen, or copied in the file manager), in the background with progress. */
    public void addPaths(List<Path> paths) {
        IncidentId id = requireIncident();
        if (id == null || paths.isEmpty()) {
            return;
        }
        String what = paths.size() == 1 ? paths.get(0).getFileName() + "" : paths.size() + " files and folders";
        run("Adding " + what + "…", progress -> {
            EvidenceCaptures.Captured captured = captures.addPaths(id, paths, null, List.of(),
                    (file, done, size, doneOverall, total) -> progress.at(doneOverall, total), progress::cancelled);
            List<EvidenceItem> added = captured.items().stream().map(EvidenceCaptures.Added::item).toList();
            List<String> skipped = captured.paths().stream().flatMap(p -> p.skipped().stream()
                    .map(s -> p.given().getFileName() + "/" + s)).toList();
            List<String> withSecrets = captured.items().stream().filter(a -> !a.secrets().isEmpty())
                    .map(a -> a.item().name()).toList();
            return summary(added, skipped, withSecrets);
        });
    }

    private static String summary(List<EvidenceItem> added, List<String> skipped, List<String> withSecrets) {
        StringBuilder s = new StringBuilder();
        if (added.size() == 1) {
            EvidenceItem i = added.get(0);
            s.append("Added ").append(i.name()).append(" (").append(ByteSize.format(i.size())).append(", sha256 ")
                    .append(i.sha256(), 0, 12).append("…).");
        } else {
            s.append("Added ").append(added.size()).append(" items (")
                    .append(ByteSize.format(added.stream().mapToLong(EvidenceItem::size).sum())).append(").");
        }
        if (!skipped.isEmpty()) {
            s.append(" Skipped ").append(skipped.size()).append(": ").append(String.join("; ", skipped.subList(0,
                    Math.min(3, skipped.size())))).append(skipped.size() > 3 ? "; …" : "").append('.');
        }
        if (!withSecrets.isEmpty()) {
            s.append(" Secrets found in ").append(String.join(", ", withSecrets))
                    .append(": select it to see where, and add a redacted copy.");
        }
        return s.toString();
    }

    /** A note typed on the page. */
    public void addNote(String name, String text) {
        IncidentId id = requireIncident();
        if (id == null) {
            return;
        }
        String shown = name == null || name.isBlank() ? firstWords(text) : name;
        quick(() -> evidence.addText(id, EvidenceItem.Kind.NOTE, shown, text, "note on the Evidence page", null,
                List.of()));
    }

    /** Text from the clipboard. */
    public void addText(String name, String text) {
        IncidentId id = requireIncident();
        if (id != null) {
            quick(() -> evidence.addText(id, EvidenceItem.Kind.TEXT, name, text, "clipboard", null, List.of()));
        }
    }

    /** Command output pasted with the command that printed it. */
    public void addCommandOutput(String command, String output) {
        IncidentId id = requireIncident();
        if (id != null) {
            quick(() -> evidence.addCommandOutput(id, command, output, null, List.of()));
        }
    }

    /** An image (a screenshot or a pasted image); {@code png} is encoded in the background. */
    public void addImage(EvidenceItem.Kind kind, String name, Supplier<byte[]> png, String source) {
        IncidentId id = requireIncident();
        if (id != null) {
            quick(() -> evidence.addImage(id, kind, name, png.get(), source, null, List.of()));
        }
    }

    /** The platforms a snapshot can be taken of (those reached over HTTP), read in the background. */
    public void snapshotPlatforms(java.util.function.Consumer<List<PlatformProfile>> then) {
        executor.submit(() -> profiles.list().stream().filter(p -> p.kind().usesUrl()).toList(), then, this::fail);
    }

    /** Paste found nothing it can keep. */
    public void nothingToPaste() {
        fail("The clipboard holds no files, image or text to keep. Copy something first, or take a screenshot.");
    }

    public static List<String> statusPaths(PlatformProfile profile) {
        return Connectors.statusPaths(profile.kind());
    }

    /** A platform's answer to a status call, taken now. */
    public void snapshot(PlatformProfile profile, String path) {
        IncidentId id = requireIncident();
        if (id == null) {
            return;
        }
        run("Calling " + profile.name() + " " + path + "…", p -> {
            EvidenceItem item = evidence.addSnapshot(id, profile.name(), profiles.snapshot(profile, path), null, List.of());
            return "Kept " + item.name() + " (" + ByteSize.format(item.size()) + ", sha256 " + item.sha256().substring(0, 12)
                    + "…)." + secretsNote(item);
        });
    }

    private void quick(java.util.concurrent.Callable<EvidenceItem> work) {
        run("Storing…", p -> {
            EvidenceItem item = work.call();
            return "Added " + item.name() + " (" + ByteSize.format(item.size()) + ", sha256 "
                    + item.sha256().substring(0, 12) + "…)." + secretsNote(item);
        });
    }

    /** What the status line adds when the scan finds secrets in a new item (read in the background). */
    private String secretsNote(EvidenceItem item) {
        return evidence.scan(item).isEmpty() ? "" : " It holds secrets: select it to see where, and add a redacted copy.";
    }

    // Actions on the chosen item

    public void addRedactedCopy() {
        EvidenceItem item = selected.get();
        if (item != null) {
            quick(() -> evidence.addRedactedCopy(item));
        }
    }

    public void remove(String reason) {
        EvidenceItem item = selected.get();
        if (item != null) {
            run("Removing…", p -> {
                evidence.remove(item.id(), reason);
                return "Marked " + item.name() + " removed; its bytes and custody are kept.";
            });
        }
    }

    public void addToTimeline(String caption, Instant at) {
        EvidenceItem item = selected.get();
        if (item != null) {
            run("Adding to the timeline…", p -> {
                evidence.addToTimeline(item, caption, at);
                return "On the timeline: " + caption.strip();
            });
        }
    }

    /** Opens a read-only copy in the program the system chooses (audited as viewed). */
    public void openInViewer() {
        EvidenceItem item = selected.get();
        if (item != null) {
            run("Opening " + item.name() + "…", p -> {
                viewer.open(evidence.viewableCopy(item, viewDir));
                return "Opened a read-only copy of " + item.name() + " (the original is never handed out).";
            });
        }
    }

    /**
     * Writes the incident's evidence to a bundle (zip + manifest of hashes and custody); audited as
     * an export. When items hold secrets nothing is written: {@link #secretsWarningProperty()} says
     * which, for the commander to choose {@link #exportBundle(Path, Bundles.WithSecrets)} with.
     */
    public void exportBundle(Path zip) {
        exportBundle(zip, Bundles.WithSecrets.REFUSE);
    }

    /** Writes the bundle, with the commander's choice for items that hold secrets. */
    public void exportBundle(Path zip, Bundles.WithSecrets withSecrets) {
        IncidentId id = requireIncident();
        secretsWarning.set(null);
        if (id == null) {
            return;
        }
        run("Writing " + zip.getFileName() + "…", p -> {
            try {
                String said = exported(bundles.export(id, zip, withSecrets), zip);
                return () -> notice.set(said);
            } catch (Bundles.SecretsFound found) {
                SecretsWarning warning = new SecretsWarning(zip, found.flagged());
                return () -> {
                    int n = warning.flagged().size();
                    notice.set(n + " item" + (n == 1 ? " holds" : "s hold") + " secrets; nothing was exported yet.");
                    secretsWarning.set(warning);
                };
            }
        }, Runnable::run);
    }

    /** Closes the warning without exporting. */
    public void dismissSecretsWarning() {
        if (secretsWarning.get() != null) {
            secretsWarning.set(null);
            notice.set("Nothing was exported.");
        }
    }

    private static String exported(Bundles.Exported e, Path zip) {
        int n = e.items();
        return "Exported " + n + " item" + (n == 1 ? "" : "s") + " to " + zip + (e.replaced().isEmpty() ? ""
                : ", redacted copies in place of " + String.join(", ", e.replaced().stream()
                        .map(r -> r.original().name()).toList())) + (e.withSecrets().isEmpty() ? ""
                : ", secrets kept in " + String.join(", ", e.withSecrets().stream().map(f -> f.item().name()).toList()))
                + ". Check it any time with 'sitrep evidence verify " + zip.getFileName() + "' or Verify bundle.";
    }

    /** Re-hashes every entry of a bundle against its manifest; says intact, or lists what does not match. */
    public void verifyBundle(Path zip) {
        run("Verifying " + zip.getFileName() + "…", p -> {
            Bundles.Verification v = bundles.verify(zip);
            if (!v.intact()) {
                throw dev.sitrep.core.SitrepException.invalid("NOT INTACT: " + zip.getFileName() + ": "
                        + String.join("; ", v.problems()) + ". Do not rely on it as evidence.");
            }
            return "Intact: " + zip.getFileName() + " holds " + v.items() + " item" + (v.items() == 1 ? "" : "s")
                    + ", every one matching its SHA-256 in the manifest.";
        });
    }

    /** A bundle's file name for the current incident: {@code INC-…-evidence.zip}. */
    public String suggestedBundleName() {
        IncidentId id = incident.get();
        return (id == null ? "evidence" : id.value() + "-evidence") + ".zip";
    }

    /** Asks the capture under way to stop; it stores nothing and says so. */
    public void cancel() {
        status.cancel();
    }

    // Running work

    /** What a capture reports to: how far it got, and whether it was cancelled. */
    private interface Capture extends BlobStore.Progress {
        boolean cancelled();
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Capture progress) throws Exception;
    }

    private void run(String doing, Work<String> work) {
        run(doing, work, notice::set);
    }

    /** Runs {@code work} in the background with progress and Cancel; {@code done} takes its result on the FX thread. */
    private <T> void run(String doing, Work<T> work, Consumer<T> done) {
        if (status.isBusy()) {
            fail("Wait for the capture under way to finish, or cancel it.");
            return;
        }
        status.run(BackgroundTask.wrap(task -> {
            long[] lastShown = {0};
            Capture report = new Capture() {
                @Override
                public void at(long done, long total) {
                    long now = System.nanoTime();
                    if (total > 0 && now - lastShown[0] > 50_000_000L) { // at most 20 updates a second reach the FX thread
                        lastShown[0] = now;
                        task.progress(Math.min(1.0, done / (double) total));
                        task.message(doing + " " + ByteSize.format(done) + " of " + ByteSize.format(total));
                    }
                }

                @Override
                public boolean cancelled() {
                    return task.isCancelled();
                }
            };
            return work.run(report);
        }).withMessage(doing).onSuccess(result -> {
            status.clearFailure();
            done.accept(result);
            reload();
        }).onFailure(failure -> {
            notice.set("");
            reload();
        }), executor);
    }

    private IncidentId requireIncident() {
        if (incident.get() == null) {
            fail("Choose the incident the evidence belongs to first (or declare one with Ctrl+N).");
        }
        return incident.get();
    }

    private void fail(Throwable failure) {
        notice.set("");
        status.fail(failure);
    }

    private void fail(String text) {
        notice.set("");
        status.fail(text);
    }

    private static String firstWords(String text) {
        String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line.isEmpty() ? "note" : line;
    }

    // Properties

    public ObservableList<Incident> incidentChoices() {
        return incidentChoices;
    }

    public ObjectProperty<IncidentId> incidentProperty() {
        return incident;
    }

    public ObservableList<EvidenceItem> shownItems() {
        return shown;
    }

    public int itemCount() {
        return items.size();
    }

    public ObservableList<String> tags() {
        return tags;
    }

    public ObjectProperty<EvidenceItem.Kind> kindFilterProperty() {
        return kindFilter;
    }

    public ObjectProperty<String> tagFilterProperty() {
        return tagFilter;
    }

    public ObjectProperty<EvidenceItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Detail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Captures (busy, progress, what is being done, cancel) and what failed, here or in a read. */
    public TaskStatus status() {
        return status;
    }

    /** An export held back because items hold secrets, until the commander chooses; {@code null} otherwise. */
    public ReadOnlyObjectProperty<SecretsWarning> secretsWarningProperty() {
        return secretsWarning.getReadOnlyProperty();
    }

    /** What the last capture did; a failure shows in {@link #status()} instead. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
