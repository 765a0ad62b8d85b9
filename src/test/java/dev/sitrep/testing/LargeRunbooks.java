package dev.sitrep.testing;

/**
 * Valid runbooks of an awkward shape, in the format of runbooks.md: a chain of thousands of
 * questions, and sections nested inside each other. They break any walk that recurses once per
 * question or per level.
 */
public final class LargeRunbooks {

    private LargeRunbooks() {
    }

    /**
     * {@code questions} questions, each "Yes" leading to the next and the last one's to a SEV2
     * outcome, each "No" to a SEV4 one; 3,000 questions make about 350 KB. Question {@code qN} is
     * on line {@code N + 5}.
     */
    public static String chain(String id, int questions) {
        StringBuilder nodes = new StringBuilder();
        for (int i = 1; i <= questions; i++) {
            String yes = i < questions ? "\"next\": \"q" + (i + 1) + "\"" : "\"outcome\": \"broken\"";
            nodes.append(i == 1 ? "" : ",\n").append("    {\"id\": \"q").append(i).append("\", \"question\": \"Is check ")
                    .append(i).append(" failing?\", \"answers\": [{\"text\": \"Yes\", ").append(yes)
                    .append("}, {\"text\": \"No\", \"outcome\": \"fine\"}]}");
        }
        return "{\n  \"version\": 1,\n  \"id\": \"" + id + "\",\n  \"title\": \"Long chain\",\n  \"nodes\": [\n" + nodes
                + "\n  ],\n  \"outcomes\": [\n    {\"id\": \"broken\", \"title\": \"Broken\", \"severity\": \"SEV2\"},\n"
                + "    {\"id\": \"fine\", \"title\": \"Fine\", \"severity\": \"SEV4\"}\n  ]\n}\n";
    }

    /** Sections {@code s1} to {@code sN}, each inside the one before, each with one step; on line 3 after the id and title. */
    public static String nestedSections(String id, int depth) {
        StringBuilder json = new StringBuilder("{\"version\": 1, \"id\": \"" + id + "\", \"title\": \"Nested\",\n\"sections\": [\n");
        for (int d = 1; d <= depth; d++) {
            json.append("{\"id\": \"s").append(d).append("\", \"title\": \"Level ").append(d)
                    .append("\", \"steps\": [\"Look.\"]").append(d < depth ? ", \"sections\": [" : "");
        }
        json.append("}").append("]}".repeat(depth - 1)).append("\n]}\n");
        return json.toString();
    }
}
