package dev.sitrep.runbook.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Cells of pipe tables as people write them: with or without the outer pipes, pipes inside
 * backticks or escaped as {@code \|} kept in the cell, a separator row shorter than the header
 * (or none at all), rows with fewer cells than the header (the missing ones are empty) or more
 * (the extra cells are joined into the last column, with a remark).
 */
final class TableParser {

    /** A table with a header: each row has exactly as many cells as the header. */
    record Grid(int line, List<String> header, List<GridRow> rows, List<ImportNote> remarks) {
    }

    /** One data row, with its line. */
    record GridRow(int line, List<String> cells) {
    }

    private TableParser() {
    }

    /** The cells of one pipe row, made plain. */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean code = false;
        for (int k = 0; k < row.length(); k++) {
            char c = row.charAt(k);
            if (c == '\\' && k + 1 < row.length() && row.charAt(k + 1) == '|') {
                cell.append('|');
                k++;
            } else if (c == '`') {
                code = !code;
                cell.append(c);
            } else if (c == '|' && !code) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        String trimmed = row.strip();
        if (trimmed.startsWith("|")) {
            cells.remove(0);
        }
        if (trimmed.endsWith("|") && !trimmed.endsWith("\\|") && !cells.isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells.stream().map(s -> Inline.plain(s.strip())).toList();
    }

    /** The first row is the header; the others are fitted to its width. */
    static Grid grid(Block.Table table) {
        List<Block.Table.Row> rows = table.rows();
        List<String> header = rows.get(0).cells();
        int width = header.size();
        List<GridRow> out = new ArrayList<>();
        List<ImportNote> remarks = new ArrayList<>();
        for (int k = 1; k < rows.size(); k++) {
            Block.Table.Row row = rows.get(k);
            List<String> cells = new ArrayList<>(row.cells());
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (cells.size() > width && width > 0) {
                List<String> extra = cells.subList(width - 1, cells.size());
                String joined = String.join(" | ", extra.stream().filter(s -> !s.isBlank()).toList());
                remarks.add(new ImportNote(row.line(), "this row has " + cells.size() + " cells and the header "
                        + width + "; the cells after the " + ordinal(width - 1) + " were joined into the last column", joined));
                cells = new ArrayList<>(cells.subList(0, width - 1));
                cells.add(joined);
            }
            while (cells.size() < width) {
                cells.add("");
            }
            out.add(new GridRow(row.line(), cells));
        }
        return new Grid(table.line(), header, out, remarks);
    }

    private static String ordinal(int n) {
        return switch (n) {
            case 1 -> "first";
            case 2 -> "second";
            case 3 -> "third";
            default -> n + "th";
        };
    }
}
