package org.dutygraph.org.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rows the read API remembers stay until a commit changes one of {@link ReadLabels}: a query reading a label or
 * relationship type missing there would go on answering from rows a change has made wrong.
 */
class ReadLabelsTest {

    private static final Path READ = Path.of("src/main/java/org/dutygraph/org/read");
    private static final Pattern LABEL = Pattern.compile("[(\\[\\s][a-z_0-9]*:([A-Z][A-Za-z_]+)");
    private static final Pattern ALTERNATIVE = Pattern.compile("\\|([A-Z][A-Z_]+)");

    @Test
    void everyLabelAndRelationshipTypeTheReadQueriesNameIsWatched() throws IOException {
        var named = new TreeSet<String>();
        try (Stream<Path> files = Files.list(READ)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var source = Files.readString(file);
                LABEL.matcher(source).results().forEach(m -> named.add(m.group(1)));
                ALTERNATIVE.matcher(source).results().forEach(m -> named.add(m.group(1)));
            }
        }
        assertThat(named).as("labels and types in org/read's Cypher").contains("Duty", "HELD_BY", "ON_OBJECT");
        var watched = new TreeSet<String>(ReadLabels.NODES);
        watched.addAll(ReadLabels.RELATIONSHIPS);
        assertThat(watched).containsAll(named);
    }
}
