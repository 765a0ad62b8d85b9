package dev.sitrep.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files in {@code src/test/resources/postmortem/golden}: an export compared with the file
 * byte for byte (as UTF-8 text, so a failure shows the differing lines). They change only on
 * purpose: run the tests that use them with {@code -Dsitrep.golden.update=true}, e.g.
 * {@code mvn -o test -Dtest='PostmortemGoldenTest,WeeklyDigestTest' -Dsitrep.golden.update=true},
 * then read {@code git diff} before committing. Without that property nothing is ever written.
 */
final class Golden {

    static final String UPDATE_PROPERTY = "sitrep.golden.update";
    private static final Path DIR = Path.of("src", "test", "resources", "postmortem", "golden");

    private Golden() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s is missing; write it with -D%s=true", file, UPDATE_PROPERTY).exists();
        assertThat(actual).as("the output differs from %s; if the change is deliberate, regenerate it with -D%s=true "
                + "and review the diff", file, UPDATE_PROPERTY).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
