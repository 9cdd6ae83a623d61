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
    /** A descriptor's declaration: {@code text("agreementReference")}, {@code ProcessVariable.<Long>object("endorsementId", ...)}. */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?:ProcessVariable\\s*\\.\\s*)?(?:<[^>]*>)?\\b(?:text|bool|integer|date|instant|choice|textList|selectOptions|object)\\(\\s*\"");
    /**
     * The same word in another role: a named SQL parameter or result column, a JSON property of the
     * register API, a comment.
     */
    private static final Pattern OTHER_ROLE = Pattern.compile(
            "\\.param\\(\\s*\"|\\brs\\.get\\w*\\(\\s*\"|@Json\\w+|^\\s*(//|\\*|/\\*)");

    @Test
    void noVariableIsReadRawOrNamedTwice() throws IOException {
        VariableDescriptors descriptors = VariableDescriptors.scan();
        List<String> problems = new ArrayList<>();
        for (Path file : javaFiles()) {
            List<String> lines = Files.readAllLines(file);
            boolean inTextBlock = false;
            boolean inAnnotation = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // A text block holds a document a client sends (a REST body, a model): its field names are
                // that contract, written as the client writes them.
                boolean delimiter = line.contains("\"\"\"");
                if (inTextBlock || delimiter) {
                    if (delimiter && line.indexOf("\"\"\"") == line.lastIndexOf("\"\"\"")) {
                        inTextBlock = !inTextBlock;
                    }
                    continue;
                }
                if (line.matches(".*@[\\w.]*Json\\w+.*")) {
                    inAnnotation = !line.contains(")");
                    continue;
                }
                if (inAnnotation) {
                    inAnnotation = !line.contains(")");
                    continue;
                }
                String where = "%s:%d".formatted(Path.of("src").relativize(file), i + 1);
                if (RAW_ACCESS.matcher(line).find()) {
                    problems.add(where + ": reads or writes a variable by hand: " + line.trim());
                }
                if (DECLARATION.matcher(line).find() || OTHER_ROLE.matcher(line).find()) {
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
