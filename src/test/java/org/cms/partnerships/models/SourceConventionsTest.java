package org.cms.partnerships.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Variables are read and written through their typed descriptors only: no cast of a raw variable, no
 * variable name written a second time as a string. The descriptor's declaration is the one place a
 * name appears in Java.
 */
class SourceConventionsTest {

    private static final Pattern RAW_ACCESS = Pattern.compile(
            "\\(\\s*\\w+\\s*\\)\\s*\\w+\\.getVariable(Local)?\\(|\\.(get|set|remove)Variable(Local)?\\(\\s*\"");
    private static final Pattern DECLARATION = Pattern.compile("ProcessVariable\\s*\\.\\s*\\w+\\(\\s*\"");

    @Test
    void noVariableIsReadRawOrNamedTwice() throws IOException {
        VariableDescriptors descriptors = VariableDescriptors.scan();
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String where = "%s:%d".formatted(Path.of("src").relativize(file), i + 1);
                if (RAW_ACCESS.matcher(line).find()) {
                    problems.add(where + ": reads or writes a variable by hand: " + line.trim());
                }
                if (DECLARATION.matcher(line).find()) {
                    continue;
                }
                for (String name : descriptors.all().keySet()) {
                    if (line.contains("\"" + name + "\"")) {
                        problems.add("%s: variable name \"%s\" written outside its descriptor: %s".formatted(where, name, line.trim()));
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> main = Files.walk(Path.of("src/main/java")); Stream<Path> test = Files.walk(Path.of("src/test/java"))) {
            return Stream.concat(main, test).filter(p -> p.toString().endsWith(".java"))
                    // this check names variables on purpose
                    .filter(p -> !p.getFileName().toString().equals("SourceConventionsTest.java")).sorted().toList();
        }
    }
}
