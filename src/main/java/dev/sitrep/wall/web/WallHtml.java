package dev.sitrep.wall.web;

import dev.sitrep.wall.WallSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import static dev.sitrep.core.Html.escape;

/**
 * The browser wall as HTML: {@link #page} is a complete, self-contained page (inline CSS and JS,
 * no external URL, font or image); {@link #fragment} is its live part, the inside of
 * {@code <div id="wall">}, which the page's script swaps in on every update. Every text from the
 * snapshot is escaped, and every class name is picked from a fixed set, so nothing an incident's
 * title or a platform's answer says can become markup.
 */
public final class WallHtml {

    /** Rows that fit a 1920x1080 screen under the top band and above the platform strip. */
    public static final int ROWS_PER_PAGE = 5;

    private static final String CSS = resource("wall.css");
    private static final String JS = resource("wall.js");
    private static final String CSP = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '" + sha256(JS)
            + "'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private WallHtml() {
    }

    /** The Content-Security-Policy that allows the page's own inline style and script and nothing else. */
    public static String contentSecurityPolicy() {
        return CSP;
    }

    /** The whole page, showing {@code s} until the first update arrives. */
    public static String page(WallSnapshot s) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>Sitrep wall</title><style>" + CSS + "</style></head><body>"
                + "<div class=\"banner link\">Connection to the wall server lost; retrying. What you see may be out of date.</div>"
                + "<div id=\"wall\">" + fragment(s) + "</div><script>" + JS + "</script></body></html>\n";
    }

    /** The live part of the page: top band, rows, platform strip. One line, no newline. */
    public static String fragment(WallSnapshot s) {
        StringBuilder h = new StringBuilder(4096);
        band(h, s);
        h.append("<main class=\"rows\">");
        if (s.rows().isEmpty()) {
            h.append("<div class=\"none\">No active incidents</div>");
        }
        for (WallSnapshot.Row r : s.rows()) {
            row(h, r);
        }
        h.append("</main>");
        strip(h, s);
        return h.toString();
    }

    private static void band(StringBuilder h, WallSnapshot s) {
        h.append("<header class=\"band\"><div class=\"banners\">");
        if (s.drill()) {
            h.append("<div class=\"banner drill\">DRILL: this workspace is a drill, nothing here is real</div>");
        }
        if (!s.stale().isEmpty()) {
            h.append("<div class=\"banner stale\">STALE: ").append(escape(s.stale())).append("</div>");
        }
        s.halted().forEach(b -> h.append("<div class=\"banner halted\">").append(escape(b)).append("</div>"));
        s.escalation().forEach(b -> h.append("<div class=\"banner escalation\">").append(escape(b)).append("</div>"));
        if (!s.drill() && s.stale().isEmpty() && s.halted().isEmpty() && s.escalation().isEmpty()) {
            h.append("<div class=\"brand\">SITREP</div>");
        }
        h.append("</div><div class=\"time\"><div class=\"utc\">").append(escape(s.utc()))
                .append("</div><div class=\"local\">").append(escape(s.local())).append("</div></div></header>");
    }

    private static void row(StringBuilder h, WallSnapshot.Row r) {
        String sev = r.ramp() >= 0 && r.ramp() <= 4 ? "sev" + r.ramp() : "unmapped";
        h.append("<section class=\"row ").append(sev).append("\" data-id=\"").append(escape(r.id())).append("\">")
                .append("<div class=\"chip ").append(sev).append("\">").append(escape(r.severity())).append("</div>")
                .append("<div class=\"body\"><div class=\"title\">").append(escape(r.title())).append("</div>")
                .append("<div class=\"meta\"><span class=\"id\">").append(escape(r.id())).append("</span> · ")
                .append(escape(r.commander())).append(" · ").append(escape(r.status())).append("</div><div class=\"line\">");
        for (WallSnapshot.Clock c : r.clocks()) {
            String state = clockState(c.state());
            h.append("<span class=\"clock ").append(state).append("\">").append("late".equals(state) ? "⚠ " : "")
                    .append(escape(c.text())).append("</span>");
        }
        for (String b : r.badges()) {
            h.append("<span class=\"badge ").append(badgeKind(b)).append("\">").append(escape(b)).append("</span>");
        }
        h.append("</div></div><div class=\"elapsed\">").append(escape(r.elapsed())).append("</div></section>");
    }

    private static void strip(StringBuilder h, WallSnapshot s) {
        h.append("<footer class=\"strip\">");
        if (s.platforms().isEmpty()) {
            h.append("<span class=\"platform\">no platforms configured</span>");
        }
        for (WallSnapshot.Platform p : s.platforms()) {
            h.append("<span class=\"platform ").append(platformKind(p.state())).append("\"><span class=\"dot\"></span>")
                    .append(escape(p.name())).append(' ').append(escape(p.state())).append(" <span class=\"detail\">")
                    .append(escape(p.detail())).append("</span></span>");
        }
        h.append("<span class=\"page\">");
        if (s.pages() > 1) {
            h.append("page ").append(s.page()).append(" of ").append(s.pages()).append(" · ");
        }
        h.append(s.activeCount()).append(" active</span></footer>");
    }

    private static String clockState(String state) {
        return switch (state) {
            case "met", "pending", "soon", "late" -> state;
            default -> "pending";
        };
    }

    private static String badgeKind(String badge) {
        if (badge.startsWith("HALTED ")) {
            return "halted";
        }
        if ("DRILL".equals(badge)) {
            return "drill";
        }
        return badge.startsWith("resume watch") || badge.startsWith("postmortem") ? "info" : "caution";
    }

    private static String platformKind(String state) {
        return switch (state.toLowerCase(Locale.ROOT)) {
            case "healthy" -> "ok";
            case "halted" -> "halted";
            case "offline" -> "offline";
            case "unknown" -> "unknown";
            default -> "warn";
        };
    }

    private static String resource(String name) {
        try (InputStream in = WallHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + WallHtml.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
