package dev.sitrep.ui.postmortem;

import atlantafx.base.theme.Styles;
import dev.sitrep.core.Postmortem;
import dev.sitrep.core.PostmortemMilestone;
import dev.sitrep.core.TimeFormat;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import dev.sitrep.ui.markdown.MarkdownView;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The postmortem's form: title and facts, the timeline table, containment and evidence, each
 * written section as Markdown beside its live preview (the five whys under the root cause), and
 * the action items before the lessons, as the export orders them. Rebuilt only when a document
 * comes from the store; typing edits the document in place.
 */
final class PostmortemEditor extends VBox {

    private final PostmortemViewModel model;
    private final ZoneId zone;
    private final ActionItemsTable actions;
    private final Label duration = new Label();
    private final Label missing = new Label();

    PostmortemEditor(PostmortemViewModel model, ZoneId zone) {
        super(14);
        this.model = model;
        this.zone = zone;
        this.actions = new ActionItemsTable(model);
        setId("postmortemEditor");
        setPadding(new Insets(4, 16, 24, 4));
        missing.setId("missingMilestones");
        missing.getStyleClass().add("pm-missing");
        missing.setWrapText(true);
        duration.setId("pmDuration");
        model.loadsProperty().addListener((obs, was, now) -> rebuild());
        model.docProperty().addListener((obs, was, now) -> refreshDerived(now));
        rebuild();
    }

    private void rebuild() {
        Postmortem p = model.docProperty().get();
        if (p == null) {
            getChildren().setAll(Controls.muted("Choose an incident above: its postmortem opens here, drafted from "
                    + "the record if none was written yet."));
            return;
        }
        getChildren().setAll(titleField(p), facts(p), heading("Impact"), impact(p), heading("Timeline (UTC)"), missing,
                new TimelineTable(model, zone), heading("Kill switch and containment"), containment(p),
                heading("Evidence"), evidence(p));
        for (Postmortem.Section s : p.sections()) {
            if (s.key().equals("lessons")) {
                getChildren().addAll(heading("Action items"), actions);
            }
            getChildren().addAll(heading(s.title()), section(s));
            if (s.key().equals("root_cause")) {
                getChildren().add(fiveWhys(p));
            }
        }
        if (p.section("lessons").isEmpty()) {
            getChildren().addAll(heading("Action items"), actions);
        }
        refreshDerived(p);
    }

    private void refreshDerived(Postmortem p) {
        if (p == null) {
            return;
        }
        duration.setText(dev.sitrep.postmortem.PostmortemMarkdown.duration(p).replace("_missing_", "missing"));
        List<PostmortemMilestone> gaps = p.missingMilestones();
        missing.setText(gaps.isEmpty() ? "Every milestone is marked." : "Missing from the timeline: "
                + String.join(", ", gaps.stream().map(PostmortemMilestone::label).toList())
                + ". Mark a row's milestone below, or add the entry the record lacks.");
    }

    private TextField titleField(Postmortem p) {
        TextField title = new TextField(p.title());
        title.setId("pmTitle");
        title.getStyleClass().add("pm-title");
        onEdit(title, text -> model.edit(d -> d.withTitle(text)));
        return title;
    }

    private GridPane facts(Postmortem p) {
        GridPane grid = grid();
        int row = 0;
        grid.addRow(row++, Controls.fieldLabel("Severity"), new Label(p.severity()));
        TextField underCall = field("pmUnderCall", p.underCall(), "none recorded");
        onEdit(underCall, v -> model.edit(d -> d.withFacts(blank(v), d.detectedBy(), d.resolvedBy(), d.impact())));
        grid.addRow(row++, Controls.fieldLabel("Under-call"), underCall);
        grid.addRow(row++, Controls.fieldLabel("Duration"), duration);
        ComboBox<String> detected = new ComboBox<>();
        detected.setId("pmDetectedBy");
        detected.setEditable(true);
        detected.getItems().setAll("alert", "customer report", "engineer");
        detected.setPromptText("missing: how was it noticed?");
        detected.setPrefWidth(320);
        detected.getEditor().setText(p.detectedBy() == null ? "" : p.detectedBy());
        onEdit(detected.getEditor(), v -> model.edit(d -> d.withFacts(d.underCall(), blank(v), d.resolvedBy(), d.impact())));
        detected.valueProperty().addListener((obs, was, now) -> detected.getEditor().setText(now));
        grid.addRow(row++, Controls.fieldLabel("Detected by"), detected);
        TextField resolved = field("pmResolvedBy", p.resolvedBy(), "missing");
        onEdit(resolved, v -> model.edit(d -> d.withFacts(d.underCall(), d.detectedBy(), blank(v), d.impact())));
        grid.addRow(row, Controls.fieldLabel("Resolved by"), resolved);
        return grid;
    }

    private GridPane impact(Postmortem p) {
        Postmortem.Impact i = p.impact();
        GridPane grid = grid();
        TextField accounts = field("pmAccounts", i.accountsAffected(), "missing: how many accounts?");
        onEdit(accounts, v -> impact(x -> new Postmortem.Impact(blank(v), x.symptoms(), x.dataIntegrity(), x.slaBreach())));
        TextField symptoms = field("pmSymptoms", i.symptoms(), "missing: what did users see?");
        onEdit(symptoms, v -> impact(x -> new Postmortem.Impact(x.accountsAffected(), blank(v), x.dataIntegrity(),
                x.slaBreach())));
        ComboBox<Postmortem.DataIntegrity> integrity = new ComboBox<>();
        integrity.setId("pmIntegrity");
        integrity.getItems().add(null);
        integrity.getItems().addAll(Postmortem.DataIntegrity.values());
        integrity.setConverter(Converters.showing(d -> d == null ? "missing" : d.key()));
        integrity.setValue(i.dataIntegrity());
        integrity.setPromptText("missing");
        integrity.setPrefWidth(200);
        integrity.valueProperty().addListener((obs, was, now) -> impact(x -> new Postmortem.Impact(x.accountsAffected(),
                x.symptoms(), now, x.slaBreach())));
        TextField sla = field("pmSla", i.slaBreach(), "missing: no, or yes by N min");
        onEdit(sla, v -> impact(x -> new Postmortem.Impact(x.accountsAffected(), x.symptoms(), x.dataIntegrity(), blank(v))));
        grid.addRow(0, Controls.fieldLabel("Accounts affected"), accounts);
        grid.addRow(1, Controls.fieldLabel("User-visible symptoms"), symptoms);
        grid.addRow(2, Controls.fieldLabel("Data integrity"), integrity);
        grid.addRow(3, Controls.fieldLabel("SLA breach"), sla);
        return grid;
    }

    private void impact(UnaryOperator<Postmortem.Impact> change) {
        model.edit(d -> d.withFacts(d.underCall(), d.detectedBy(), d.resolvedBy(), change.apply(d.impact())));
    }

    private Node containment(Postmortem p) {
        if (p.containment().isEmpty()) {
            return Controls.muted("None recorded.");
        }
        VBox list = new VBox(3);
        p.containment().forEach(e -> list.getChildren().add(wrapped(TimeFormat.stamp(e.at(), zone) + "  " + e.text())));
        return list;
    }

    private Node evidence(Postmortem p) {
        if (p.evidence().isEmpty()) {
            return Controls.muted("None collected.");
        }
        VBox list = new VBox(3);
        for (Postmortem.EvidenceRow e : p.evidence()) {
            Label hash = new Label(e.sha256());
            hash.getStyleClass().addAll("mono", "pm-hash");
            list.getChildren().add(new VBox(wrapped(e.name() + " (" + e.kind() + ", " + TimeFormat.stamp(e.capturedAt(),
                    zone) + " by " + e.capturedBy() + ")"), hash));
        }
        return list;
    }

    /** A section: Markdown on the left, its rendering on the right, updated as you type. */
    private Node section(Postmortem.Section s) {
        TextArea text = new TextArea(s.markdown());
        text.setId("pmSection-" + s.key());
        text.setWrapText(true);
        text.setPrefRowCount(Math.max(4, Math.min(16, (int) s.markdown().lines().count() + 2)));
        text.setPromptText(prompt(s.key()));
        MarkdownView preview = new MarkdownView();
        preview.setId("pmPreview-" + s.key());
        preview.setMarkdown(s.markdown());
        preview.getStyleClass().add("pm-preview");
        text.textProperty().addListener((obs, was, now) -> {
            preview.setMarkdown(now);
            model.setSection(s.key(), now);
        });
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox.setHgrow(preview, Priority.ALWAYS);
        text.setPrefWidth(400);
        preview.setPrefWidth(400);
        return new HBox(12, text, preview);
    }

    private static String prompt(String key) {
        return switch (key) {
            case "what_happened" -> "The story in order: what users saw, what the team saw, what was tried. Blameless: "
                    + "systems and decisions, not people.";
            case "root_cause" -> "The cause under the cause; the five whys below help.";
            case "went_well" -> "What helped: detection, tools, people's calls.";
            case "went_poorly" -> "What slowed the response or made it worse.";
            case "lucky" -> "What saved us that we cannot count on next time.";
            case "lessons" -> "What the team now knows.";
            default -> "Markdown: **bold**, lists, tables, `code`.";
        };
    }

    private VBox fiveWhys(Postmortem p) {
        VBox box = new VBox(6);
        box.setId("fiveWhys");
        Label head = new Label("Five whys: ask why of each answer until the cause is one the team can fix.");
        head.getStyleClass().add(Styles.TEXT_MUTED);
        box.getChildren().add(head);
        for (int i = 0; i < 5; i++) {
            int index = i;
            TextField why = field("pmWhy" + (i + 1), i < p.fiveWhys().size() ? p.fiveWhys().get(i) : "",
                    i == 0 ? "Why did it happen?" : "Why was that?");
            onEdit(why, v -> model.setWhy(index, v));
            HBox row = new HBox(8, Controls.fieldLabel((i + 1) + ". Why?"), why);
            HBox.setHgrow(why, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        l.getStyleClass().add("pm-heading");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(170);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(name, value);
        return grid;
    }

    private static TextField field(String id, String value, String prompt) {
        TextField f = new TextField(value == null ? "" : value);
        f.setId(id);
        f.setPromptText(prompt);
        f.setMaxWidth(Double.MAX_VALUE);
        return f;
    }

    private static void onEdit(javafx.scene.control.TextInputControl field, Consumer<String> edit) {
        field.textProperty().addListener((obs, was, now) -> edit.accept(now));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
