package dev.sitrep.runbook.importer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.sitrep.runbook.Runbook;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Writes the draft in the runbook format (version 1), keys in the documented order, one key per
 * line, so a person can read and edit the result. Empty parts are left out. Streams with
 * jackson-core's generator (the validator reads with the same library), so an import in a fresh
 * process does not pay for a data-binding mapper.
 */
final class RunbookJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final JsonGenerator g;

    private RunbookJsonWriter(JsonGenerator g) {
        this.g = g;
    }

    /** The runbook as JSON text, ending with a line break. */
    static String write(Draft d, String id) {
        StringWriter out = new StringWriter(64 * 1024);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            printer.indentObjectsWith(indenter);
            printer.indentArraysWith(indenter);
            g.setPrettyPrinter(printer);
            new RunbookJsonWriter(g).runbook(d, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the imported runbook", e);
        }
        return out.append('\n').toString();
    }

    private void runbook(Draft d, String id) throws IOException {
        g.writeStartObject();
        g.writeNumberField("version", Runbook.VERSION);
        g.writeStringField("id", id);
        g.writeStringField("title", d.title);
        text("summary", d.summary);
        text("scale", d.scale);
        if (!d.nodes.isEmpty()) {
            g.writeStringField("start", d.nodes.get(0).id);
        }
        array("nodes", d.nodes, this::node);
        array("outcomes", d.outcomes, this::outcome);
        array("sections", d.sections, this::section);
        array("tables", d.tables, this::table);
        g.writeEndObject();
    }

    private void node(Draft.Node n) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", n.id);
        g.writeStringField("question", n.question);
        text("help", n.help);
        g.writeArrayFieldStart("answers");
        for (Draft.Answer a : n.answers) {
            g.writeStartObject();
            g.writeStringField("text", a.text);
            g.writeStringField(a.dest.key(), a.dest.id());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (n.notSure != null) {
            g.writeObjectFieldStart("notSure");
            g.writeStringField(n.notSure.key(), n.notSure.id());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void outcome(Draft.Outcome o) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id);
        g.writeStringField("title", o.title);
        text("summary", o.summary);
        g.writeStringField("severity", o.severity);
        array("open", o.open, sec -> g.writeString(sec.id));
        array("actions", o.actions, a -> g.writeString(a.key()));
        if (o.contacts != null) {
            g.writeStringField("contacts", o.contacts.id);
        }
        g.writeEndObject();
    }

    private void section(Draft.Section s) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", s.id);
        g.writeStringField("title", s.title);
        text("summary", s.summary);
        if (s.checklist) {
            g.writeBooleanField("checklist", true);
        }
        if (!s.steps.isEmpty()) {
            g.writeArrayFieldStart("steps");
            for (Draft.Step step : s.steps) {
                if (step.command == null && step.expect == null) {
                    g.writeString(step.text);
                } else {
                    g.writeStartObject();
                    g.writeStringField("text", step.text);
                    text("command", step.command);
                    text("expect", step.expect);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }
        array("sections", s.children, this::section);
        g.writeEndObject();
    }

    private void table(Draft.Table t) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", t.id);
        g.writeStringField("title", t.title);
        g.writeStringField("kind", t.kind.key());
        text("scale", t.scale);
        g.writeArrayFieldStart("rows");
        for (Map<String, String> row : t.rows) {
            g.writeStartObject();
            for (Map.Entry<String, String> cell : row.entrySet()) {
                if (!cell.getValue().isBlank() || t.kind.required().contains(cell.getKey())) {
                    g.writeStringField(cell.getKey(), cell.getValue());
                }
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private void text(String key, String value) throws IOException {
        if (value != null && !value.isBlank()) {
            g.writeStringField(key, value);
        }
    }

    /** Writes one item of an array. */
    private interface ItemWriter<T> {
        void write(T item) throws IOException;
    }

    /** {@code "field": [ ... ]}, left out when there is nothing to list. */
    private <T> void array(String field, java.util.Collection<T> items, ItemWriter<T> each) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (T item : items) {
            each.write(item);
        }
        g.writeEndArray();
    }
}
