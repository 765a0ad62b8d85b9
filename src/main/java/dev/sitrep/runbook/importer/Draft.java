package dev.sitrep.runbook.importer;

import dev.sitrep.runbook.Action;
import dev.sitrep.runbook.TableKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runbook being built, before ids are given and JSON is written. Parts refer to each other as
 * objects, so ids can be chosen last and stay unique.
 */
final class Draft {

    String title;
    int titleLine;
    String summary;
    String scale;
    final List<Section> sections = new ArrayList<>();
    final List<Table> tables = new ArrayList<>();
    final List<Node> nodes = new ArrayList<>();
    final List<Outcome> outcomes = new ArrayList<>();

    static final class Section {
        String title;
        final int line;
        final int level;
        final boolean shape;
        String id;
        String summary;
        boolean checklist;
        /** Made by the importer (for the notes, or for a tree's answer) rather than read from a heading. */
        boolean generated;
        final List<Step> steps = new ArrayList<>();
        final List<Section> children = new ArrayList<>();

        Section(String title, int line, int level, boolean shape) {
            this.title = title;
            this.line = line;
            this.level = level;
            this.shape = shape;
        }

        boolean empty() {
            return steps.isEmpty() && children.isEmpty();
        }

        /** This section and those inside it, depth first. */
        List<Section> flatten() {
            List<Section> out = new ArrayList<>();
            out.add(this);
            children.forEach(c -> out.addAll(c.flatten()));
            return out;
        }
    }

    static final class Step {
        final int line;
        String text;
        String command;
        String expect;

        Step(int line, String text, String command, String expect) {
            this.line = line;
            this.text = text;
            this.command = command;
            this.expect = expect;
        }
    }

    static final class Table {
        final int line;
        final String title;
        final TableKind kind;
        final String scale;
        final List<Map<String, String>> rows = new ArrayList<>();
        final List<Integer> rowLines = new ArrayList<>();
        String id;

        Table(int line, String title, TableKind kind, String scale) {
            this.line = line;
            this.title = title;
            this.kind = kind;
            this.scale = scale;
        }

        void add(int rowLine, Map<String, String> cells) {
            rows.add(new LinkedHashMap<>(cells));
            rowLines.add(rowLine);
        }
    }

    static final class Node {
        final int line;
        String question;
        String id;
        String help = "";
        final List<Answer> answers = new ArrayList<>();
        /** Where "not sure" goes when the importer has to say it, else {@code null}. */
        Dest notSure;

        Node(int line, String question) {
            this.line = line;
            this.question = question;
        }
    }

    /** An answer: its words and where it leads. */
    static final class Answer {
        final int line;
        String text;
        Dest dest;

        Answer(int line, String text, Dest dest) {
            this.line = line;
            this.text = text;
            this.dest = dest;
        }
    }

    /** Where an answer leads: the next question, an outcome, or a section. */
    record Dest(Node next, Outcome outcome, Section section) {

        static Dest to(Node node) {
            return new Dest(node, null, null);
        }

        static Dest to(Outcome outcome) {
            return new Dest(null, outcome, null);
        }

        static Dest to(Section section) {
            return new Dest(null, null, section);
        }

        String key() {
            return next != null ? "next" : outcome != null ? "outcome" : "section";
        }

        String id() {
            return next != null ? next.id : outcome != null ? outcome.id : section.id;
        }
    }

    static final class Outcome {
        final int line;
        String title;
        String id;
        String summary;
        final String severity;
        final List<Section> open = new ArrayList<>();
        final Set<Action> actions = new LinkedHashSet<>();
        Table contacts;

        Outcome(int line, String title, String severity) {
            this.line = line;
            this.title = title;
            this.severity = severity;
        }
    }

    /** Every section, nested ones included, depth first. */
    List<Section> allSections() {
        List<Section> out = new ArrayList<>();
        sections.forEach(s -> out.addAll(s.flatten()));
        return out;
    }
}
