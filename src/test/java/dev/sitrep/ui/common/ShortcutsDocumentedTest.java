package dev.sitrep.ui.common;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** README's keyboard table is the console's list of shortcuts, row for row (the overlay shows the same list). */
class ShortcutsDocumentedTest {

    @Test
    void readmesKeyboardTableListsEveryShortcutInOrder() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("### Keyboard shortcuts"));
        List<String> rows = section.lines().skip(1).dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|"))
                .skip(2).toList();
        List<String> expected = Shortcuts.ALL.stream()
                .map(k -> "| " + k.where() + " | " + k.keys() + " | " + k.does() + " |").toList();
        assertThat(rows).as("README's keyboard table").isEqualTo(expected);
    }
}
