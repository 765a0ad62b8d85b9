package dev.sitrep.cli;

import dev.sitrep.core.EvidenceItem;
import dev.sitrep.core.IncidentId;
import dev.sitrep.core.Json;
import dev.sitrep.core.TimeFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List an incident's evidence, removed items marked.")
final class EvidenceListCommand extends StoreCommand {

    @Parameters(index = "0", paramLabel = "INCIDENT", description = "The incident id.")
    String incident;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    @Override
    int run(Context c) {
        List<EvidenceItem> items = c.services().evidence().list(IncidentId.parse(incident));
        if (json) {
            c.out().println(Json.write(items.stream().map(EvidenceListCommand::asJson).toList()));
            return 0;
        }
        if (items.isEmpty()) {
            c.out().println("No evidence on " + incident + ". Add some with: sitrep evidence add " + incident + " FILE");
            return 0;
        }
        for (EvidenceItem e : items) {
            c.out().printf(Locale.ROOT, "%s  %s  %10d  %-8s  %s UTC  %s  %s%s%n", e.id(), e.sha256(), e.size(),
                    e.kind().key(), TimeFormat.utcTime(e.capturedAt()).replace(" UTC", ""), e.capturedBy(), e.name(),
                    e.removed() ? "  [REMOVED by " + e.removedBy() + ": " + e.removedReason() + "]" : "");
        }
        return 0;
    }

    private static Map<String, Object> asJson(EvidenceItem e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", e.id());
        out.put("incident", e.incident().value());
        out.put("kind", e.kind().key());
        out.put("name", e.name());
        out.put("size", e.size());
        out.put("mediaType", e.mediaType());
        out.put("sha256", e.sha256());
        out.put("capturedAt", e.capturedAt().toString());
        out.put("capturedBy", e.capturedBy());
        out.put("source", e.source());
        out.put("description", e.description());
        out.put("tags", e.tags());
        out.put("removedAt", e.removedAt() == null ? null : e.removedAt().toString());
        out.put("removedBy", e.removedBy());
        out.put("removedReason", e.removedReason());
        return out;
    }
}
