package dev.sitrep.ui.triage;

import atlantafx.base.theme.Styles;
import dev.sitrep.runbook.Runbook;
import dev.sitrep.ui.common.Controls;
import dev.sitrep.ui.common.Converters;
import dev.sitrep.ui.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

import java.util.List;

/**
 * The wizard page: breadcrumbs, one question in large type with numbered answers (keys 1..9,
 * N for not sure, Backspace for back), then the outcome with Apply (A) and Declare (D); Enter applies to the
 * incident open in the window, or declares when none is.
 */
public final class TriageView extends ScrollPane {

    private final TriageViewModel model;
    private final VBox crumbs = new VBox(4);
    private final VBox answerBox = new VBox(10);
    private final VBox body = new VBox(18);

    public TriageView(TriageViewModel model, Runnable importRunbook) {
        this.model = model;
        setId("triageView");
        setFitToWidth(true);
        getStyleClass().add("triage");

        Label title = new Label("Triage");
        title.getStyleClass().add(Styles.TITLE_3);
        ComboBox<Runbook> tree = new ComboBox<>(model.trees());
        tree.setId("triageTree");
        tree.setConverter(Converters.showing(Runbook::title));
        model.sessionProperty().addListener((obs, was, now) -> {
            if (now != null && tree.getValue() != now.tree()) {
                tree.setValue(now.tree());
            }
        });
        tree.setOnAction(e -> {
            if (model.sessionProperty().get() == null || tree.getValue() != model.sessionProperty().get().tree()) {
                model.start(tree.getValue());
            }
        });
        Button importButton = new Button("Import runbook…", Icons.of(Feather.UPLOAD));
        importButton.setId("triageImport");
        importButton.setOnAction(e -> importRunbook.run());
        Button restart = new Button("Start over", Icons.of(Feather.ROTATE_CCW));
        restart.setId("triageRestart");
        restart.setOnAction(e -> model.load());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(12, title, tree, grow, importButton, restart);
        header.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.status().failureProperty());
        shownWhen(problem, model.status().failureProperty().isNotEmpty());

        crumbs.setId("triageCrumbs");
        model.breadcrumbs().addListener((ListChangeListener<String>) c -> showCrumbs());

        VBox ask = questionPane();
        VBox outcome = new OutcomePane(model);
        shownWhen(ask, model.finishedProperty().not().and(model.questionProperty().isNotEmpty()));
        shownWhen(outcome, model.finishedProperty());

        body.getChildren().addAll(header, problem, crumbs, ask, outcome);
        body.getStyleClass().add("triage-body");
        body.setFocusTraversable(true);
        body.setMaxWidth(900);
        setContent(body);
        // Keys are taken at the window while this page shows, wherever the focus is (not while typing in a field).
        javafx.event.EventHandler<KeyEvent> keys = e -> {
            if (!e.isConsumed() && typingOrInSheet(getScene().getFocusOwner())) {
                return;
            }
            if (!e.isConsumed()) {
                key(e);
            }
        };
        // A filter, so no focused control (a scroll pane, a button) swallows the wizard's keys first.
        sceneProperty().addListener((obs, was, now) -> {
            if (was != null) {
                was.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
            if (now != null) {
                now.addEventFilter(KeyEvent.KEY_PRESSED, keys);
            }
        });
    }

    private VBox questionPane() {
        Label question = new Label();
        question.setId("triageQuestion");
        question.getStyleClass().add("triage-question");
        question.setWrapText(true);
        question.textProperty().bind(model.questionProperty());
        Label help = Controls.muted("");
        help.textProperty().bind(model.helpProperty());
        shownWhen(help, model.helpProperty().isNotEmpty());
        model.answers().addListener((ListChangeListener<String>) c -> showAnswers());
        Button back = new Button("Back (Backspace)", Icons.of(Feather.ARROW_LEFT));
        back.setId("triageBack");
        back.getStyleClass().add(Styles.FLAT);
        back.disableProperty().bind(Bindings.isEmpty(model.breadcrumbs()));
        back.setOnAction(e -> model.back());
        return new VBox(14, question, help, answerBox, back);
    }

    private void showAnswers() {
        answerBox.getChildren().clear();
        List<String> answers = model.answers();
        for (int i = 0; i < answers.size(); i++) {
            int number = i + 1;
            answerBox.getChildren().add(answerButton("triageAnswer" + number, Integer.toString(number), answers.get(i),
                    () -> model.answer(number)));
        }
        Button notSure = answerButton("triageNotSure", "N", "Not sure", model::notSure);
        Label hint = Controls.muted("");
        hint.textProperty().bind(Bindings.concat("Not sure ", model.notSureHintProperty(),
                ": when in doubt, the higher severity."));
        answerBox.getChildren().addAll(notSure, hint);
        focusWizard();
    }

    private static Button answerButton(String id, String key, String text, Runnable action) {
        Label number = new Label(key);
        number.getStyleClass().add("answer-key");
        Button b = new Button(text, number);
        b.setId(id);
        b.getStyleClass().add("triage-answer");
        b.setWrapText(true);
        b.setMnemonicParsing(false);
        b.setGraphicTextGap(16);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void showCrumbs() {
        crumbs.getChildren().clear();
        List<String> lines = model.breadcrumbs();
        for (int i = 0; i < lines.size(); i++) {
            int index = i;
            Button crumb = new Button((i + 1) + ". " + lines.get(i));
            crumb.getStyleClass().addAll(Styles.FLAT, "breadcrumb");
            crumb.setWrapText(true);
            crumb.setMnemonicParsing(false);
            crumb.setOnAction(e -> model.backTo(index));
            crumbs.getChildren().add(crumb);
        }
    }

    private void key(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        KeyCode code = e.getCode();
        if (model.finishedProperty().get()) {
            if (code == KeyCode.ENTER) {
                model.confirm();
                e.consume();
            } else if (code == KeyCode.D) {
                model.declare();
                e.consume();
            } else if (code == KeyCode.A && model.applyTargetProperty().get() != null) {
                model.applyTo(model.applyTargetProperty().get());
                e.consume();
            } else if (code == KeyCode.BACK_SPACE) {
                model.back();
                e.consume();
            }
            return;
        }
        if (code.isDigitKey() && !code.getName().endsWith("0")) {
            model.answer(Integer.parseInt(code.getName().replaceAll("\\D", "")));
            e.consume();
        } else if (code == KeyCode.N || code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            model.notSure();
            e.consume();
        } else if (code == KeyCode.BACK_SPACE) {
            model.back();
            e.consume();
        }
    }

    /** A text field has the keyboard, or a sheet over the page does (its keys are its own). */
    private static boolean typingOrInSheet(Node focus) {
        if (focus instanceof javafx.scene.control.TextInputControl) {
            return true;
        }
        for (Node n = focus; n != null; n = n.getParent()) {
            if (n instanceof atlantafx.base.controls.ModalPane) {
                return true;
            }
        }
        return false;
    }

    /** Takes the keyboard, so digits answer at once when the page shows. */
    public void focusWizard() {
        body.requestFocus();
    }

    static void shownWhen(Node node, javafx.beans.value.ObservableBooleanValue shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(shown);
    }
}
