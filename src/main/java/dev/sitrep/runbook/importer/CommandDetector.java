package dev.sitrep.runbook.importer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a command from prose: lines that start with a tool people run in an incident (curl,
 * sudo, psql, docker, kubectl, sqlite3, redis-cli, ...) or a script path, after any prompt
 * ({@code $ }, {@code # }, {@code user@host:~$ }) and {@code VAR=value} prefixes; and SQL
 * statements. Words that are also English ({@code kill}, {@code tail}, {@code watch}) count only
 * with a sign of a shell: a flag, a path, a variable, a pipe, a number.
 */
final class CommandDetector {

    private static final Set<String> TOOLS = Set.of("curl", "wget", "sudo", "psql", "pg_isready", "pg_dump",
            "pg_restore", "pg_ctl", "pg_ctlcluster", "docker", "docker-compose", "podman", "kubectl", "k9s", "helm",
            "sqlite3", "redis-cli", "mysql", "mysqladmin", "mongo", "mongosh", "vault", "consul", "nomad", "systemctl",
            "journalctl", "ssh", "scp", "rsync", "grep", "egrep", "zgrep", "rg", "jq", "yq", "awk", "sed", "df", "du",
            "ls", "ps", "htop", "iostat", "vmstat", "netstat", "ss", "lsof", "tcpdump", "dig", "nslookup", "traceroute",
            "openssl", "aws", "gcloud", "az", "terraform", "ansible", "ansible-playbook", "git", "npm", "npx", "yarn",
            "pip", "pip3", "python3", "chmod", "chown", "mkdir", "rm", "cp", "mv", "tar", "gzip", "gunzip", "zcat",
            "pkill", "killall", "pgrep", "telnet", "nc", "ncat", "xargs", "wc", "crontab", "iptables", "ufw",
            "nginx", "apachectl", "certbot", "keytool", "base64", "dmesg", "bash", "sh", "zsh", "nohup",
            "tee", "rails", "bin/rails", "bundle", "sitrep", "kubectx", "kubens", "stern", "mc", "s3cmd", "gsutil",
            "systemd-analyze", "ifconfig", "nproc", "lsblk", "fdisk",
            "supervisorctl", "pm2", "celery", "rabbitmqctl", "kafka-topics", "kafka-consumer-groups", "etcdctl",
            "cqlsh", "influx", "promtool", "amtool", "xh", "grpcurl", "nmap");
    /** Tools that are also English words: they need a sign of a shell. */
    private static final Set<String> AMBIGUOUS = Set.of("cat", "echo", "export", "kill", "ping", "watch", "find",
            "sort", "date", "top", "time", "timeout", "sleep", "head", "tail", "less", "more", "make", "service",
            "node", "java", "python", "cd", "env", "reboot", "shutdown", "uniq", "touch", "test", "set", "source",
            "unset", "exit", "read", "open", "which", "whoami", "id", "history", "alias", "mount", "file", "stat", "free",
            "uptime", "ip", "route", "host", "http", "https", "umount");
    /** A word after the tool that only prose puts there ("curl the endpoint", "docker is ..."). */
    private static final Set<String> PROSE_NEXT = Set.of("the", "a", "an", "it", "this", "that", "these", "those",
            "your", "our", "its", "their", "is", "are", "was", "were", "will", "can", "could", "should", "must", "may",
            "might", "and", "or", "but", "to", "of", "for", "with", "which", "who", "has", "have", "had", "does",
            "did", "not", "itself", "again", "until", "if", "when", "then", "so", "as", "on", "in", "at", "from");
    private static final Pattern PROMPT = Pattern.compile(
            "^(?:\\$|%|#|>|PS>|PS [^>]{1,80}>|[\\w.-]{1,32}@[\\w.-]{1,64}(?::[^$#\\s]{0,80})?\\s?[$#]|\\[[^\\]]{1,80}\\][$#])\\s+");
    private static final Pattern ASSIGNMENT = Pattern.compile("^(?:[A-Z_][A-Z0-9_]*=(?:\"[^\"]*\"|'[^']*'|\\S*)\\s+)++");
    private static final Pattern SCRIPT = Pattern.compile("^(?:\\.{0,2}/|~/)[\\w.@/-]+(?:\\s|$)|^[\\w.-]+/[\\w./-]+\\.(?:sh|py|rb|pl)(?:\\s|$)");
    private static final Pattern SHELL_SIGN = Pattern.compile(
            "(?:^|\\s)--?[A-Za-z0-9]|[/$|<>=*~]|(?:^|\\s)\\d+(?:\\.\\d+){0,3}(?::\\d+)?(?:\\s|$)|\\s[\\w-]+\\.[a-z]{2,}(?:\\s|$)|\\s'|\\s\"");
    private static final Pattern SQL_START = Pattern.compile(
            "^(SELECT|INSERT|UPDATE|DELETE|WITH|ALTER|CREATE|DROP|TRUNCATE|GRANT|REVOKE|BEGIN|COMMIT|ROLLBACK|EXPLAIN|"
                    + "VACUUM|ANALYZE|SHOW|PRAGMA|SET|REINDEX|CLUSTER)\\b(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SQL_CLAUSE = Pattern.compile(
            "^(?:FROM|WHERE|AND|OR|GROUP BY|ORDER BY|LIMIT|OFFSET|JOIN|LEFT|RIGHT|INNER|OUTER|ON|SET|VALUES|RETURNING|"
                    + "HAVING|UNION|INTO|AS|CASE|WHEN|ELSE|END|SELECT)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern TOOL_LIKE = Pattern.compile("[a-z][\\w.-]*");
    private static final Pattern SQL_CALL = Pattern.compile("\\s+[\\w.]+\\(.*");
    private static final Pattern SQL_UPDATE = Pattern.compile("\\s+[\\w.\"]+\\s+SET\\b.*");
    private static final Pattern SQL_WITH = Pattern.compile("\\s+\\w+\\s+AS\\s*\\(.*");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern LABELLED = Pattern.compile("(?::|\u2014|\\s-)\\s+(\\S.*)$");

    private CommandDetector() {
    }

    /** True when the whole line reads as a command to run (prompt and all). */
    static boolean isCommand(String line) {
        String c = command(line);
        return c != null;
    }

    /** The command a line holds without its prompt, or {@code null} when the line is prose. */
    static String command(String line) {
        String s = line.strip();
        if (s.isEmpty() || s.length() > 4000 || !mayBeCommand(s)) {
            return null;
        }
        Matcher prompt = PROMPT.matcher(s);
        boolean prompted = prompt.find();
        String body = prompted ? s.substring(prompt.end()).strip() : s;
        if (body.isEmpty()) {
            return null;
        }
        if (isSql(body)) {
            return body;
        }
        Matcher assignment = ASSIGNMENT.matcher(body);
        String rest = assignment.find() ? body.substring(assignment.end()) : body;
        if (rest.isEmpty()) {
            return prompted || body.startsWith("export") ? body : null;
        }
        if (SCRIPT.matcher(rest).find()) {
            return body;
        }
        String[] words = WHITESPACE.split(rest, 3);
        String tool = words[0];
        String next = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        if (PROSE_NEXT.contains(next) || rest.endsWith(".") && !hasShellSign(rest) && words.length > 2) {
            return null;
        }
        if (TOOLS.contains(tool)) {
            return body;
        }
        if (AMBIGUOUS.contains(tool) && (prompted || hasShellSign(rest))) {
            return body;
        }
        return prompted && TOOL_LIKE.matcher(tool).matches() && hasShellSign(rest) ? body : null;
    }

    /**
     * A cheap first look: prose mostly starts with a capital letter, which only SQL, a {@code VAR=}
     * prefix or a {@code PS>} prompt share with commands.
     */
    private static boolean mayBeCommand(String s) {
        char first = s.charAt(0);
        if (!Character.isUpperCase(first)) {
            return true;
        }
        int space = s.indexOf(' ');
        String firstWord = space < 0 ? s : s.substring(0, space);
        return firstWord.indexOf('=') > 0 || firstWord.startsWith("PS") || SQL_START.matcher(s).lookingAt()
                || firstWord.indexOf('@') > 0 || firstWord.indexOf('/') >= 0;
    }

    private static boolean hasShellSign(String text) {
        return SHELL_SIGN.matcher(text).find();
    }

    /** An SQL statement: a keyword and the shape of one (or a closing semicolon). */
    static boolean isSql(String text) {
        Matcher m = SQL_START.matcher(text);
        if (!m.matches()) {
            return false;
        }
        String keyword = m.group(1);
        String rest = m.group(2);
        boolean upper = keyword.equals(keyword.toUpperCase(Locale.ROOT));
        boolean semicolon = text.endsWith(";");
        if (!upper && !semicolon) {
            return false;
        }
        String u = rest.toUpperCase(Locale.ROOT);
        return switch (keyword.toUpperCase(Locale.ROOT)) {
            case "SELECT" -> u.contains(" FROM ") || semicolon || SQL_CALL.matcher(u).matches();
            case "INSERT" -> u.startsWith(" INTO ");
            case "UPDATE" -> SQL_UPDATE.matcher(u).matches() || semicolon;
            case "DELETE" -> u.startsWith(" FROM ");
            case "WITH" -> SQL_WITH.matcher(u).matches();
            case "BEGIN", "COMMIT", "ROLLBACK" -> semicolon && rest.strip().length() < 30;
            default -> semicolon && upper;
        };
    }

    /** True when {@code next} continues a command that {@code command} leaves open ({@code \} or unfinished SQL). */
    static boolean continues(String command, String next) {
        if (next.isBlank()) {
            return false;
        }
        String c = command.stripTrailing();
        if (c.endsWith("\\")) {
            return true;
        }
        String first = c.lines().findFirst().orElse("");
        Matcher m = SQL_START.matcher(first.strip());
        boolean sql = m.matches() && m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT));
        return sql && !c.endsWith(";") && SQL_CLAUSE.matcher(next.strip()).find();
    }

    /** An SQL statement's first line that has not ended yet ({@code SELECT ...} without FROM on this line). */
    static boolean opensSql(String line, String next) {
        String s = line.strip();
        if (s.length() < 4 || !Character.isUpperCase(s.charAt(0)) || !Character.isUpperCase(s.charAt(1))) {
            return false;
        }
        Matcher m = SQL_START.matcher(s);
        return m.matches() && m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT)) && !line.strip().endsWith(";")
                && next != null && SQL_CLAUSE.matcher(next.strip()).find();
    }

    /**
     * Splits a step's text from the command it carries: a code span that is a command
     * ({@code Start it: `docker start broker`}), or a command after a colon or dash
     * ({@code Restart it: sudo systemctl restart broker}). {@code null} when it carries none.
     */
    static Split split(String text) {
        Matcher span = CODE_SPAN.matcher(text);
        while (span.find()) {
            String inner = span.group(1).strip();
            String cmd = command(inner);
            if (cmd != null) {
                String before = text.substring(0, span.start()).strip();
                String after = text.substring(span.end()).strip();
                boolean trailing = after.matches("[.;,]?") && before.endsWith(":");
                String words = trailing ? before
                        : (text.substring(0, span.start()) + inner + text.substring(span.end())).strip();
                return new Split(words, cmd);
            }
        }
        if (text.indexOf('`') < 0) {
            Matcher labelled = LABELLED.matcher(text);
            int from = 0;
            while (from < text.length() && labelled.find(from)) {
                String cmd = command(labelled.group(1));
                if (cmd != null) {
                    return new Split(text.substring(0, labelled.start()).strip(), cmd);
                }
                from = labelled.start() + 1;
            }
        }
        return null;
    }

    /** A step's words and its command. {@code text} may be empty when the line was only the command. */
    record Split(String text, String command) {
    }
}
