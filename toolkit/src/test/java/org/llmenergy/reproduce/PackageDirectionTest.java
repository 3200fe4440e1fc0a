package org.llmenergy.reproduce;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The main job sits above everything but the CLI (ARCHITECTURE.md's package table): nothing below imports it. */
class PackageDirectionTest {
    private static final Path MAIN = Path.of("src", "main", "java", "org", "llmenergy");

    @Test
    void onlyTheCliImportsTheMainJobAndTheMainJobNeverImportsTheCli() throws IOException {
        assertTrue(Files.isDirectory(MAIN.resolve("reproduce")), "run from the toolkit module: " + MAIN.toAbsolutePath());
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                String text = Files.readString(f);
                if (!pkg.equals("cli") && !pkg.equals("reproduce") && text.contains("import org.llmenergy.reproduce.")) wrong.add(f + " imports reproduce");
                if (pkg.equals("reproduce") && text.contains("import org.llmenergy.cli.")) wrong.add(f + " imports cli");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
