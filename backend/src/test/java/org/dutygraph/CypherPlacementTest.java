package org.dutygraph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Cypher is written only in store classes ({@code *Store}), so that a reader finds every query of a feature in
 * one place and a schema change has a short list of files to look at. ArchUnit sees types, not string
 * literals, so this reads the sources.
 */
class CypherPlacementTest {

    private static final Path MAIN = Path.of("src/main/java");

    /** Clauses that start a query or a query part, as they are written in this code base. */
    static final Pattern CYPHER = Pattern.compile("\\b(OPTIONAL MATCH|MATCH|MERGE|CREATE|UNWIND) *[(\\$]|CALL db\\.");

    /** The migration runner applies .cypher files; its own bookkeeping queries live with it. */
    private static final Set<String> EXEMPT = Set.of("org/dutygraph/platform/migrations/CypherMigrations.java");

    @Test
    void cypherIsWrittenOnlyInStores() throws IOException {
        var offenders = new TreeSet<String>();
        for (var file : javaFiles()) {
            var name = MAIN.relativize(file).toString().replace('\\', '/');
            if (!name.endsWith("Store.java")
                    && !EXEMPT.contains(name)
                    && CYPHER.matcher(Files.readString(file)).find()) {
                offenders.add(name);
            }
        }
        assertThat(offenders)
                .as("classes with Cypher that are not stores: move the queries into a *Store")
                .isEmpty();
    }

    @Test
    void thePatternRecognisesTheQueriesItLooksFor() {
        assertThat(CYPHER.matcher("MATCH (p:Post {id: $id}) RETURN p").find()).isTrue();
        assertThat(CYPHER.matcher("UNWIND $rows AS row MERGE (n:Area {id: row.id})")
                        .find())
                .isTrue();
        assertThat(CYPHER.matcher("CALL db.index.fulltext.queryNodes('duty_text', $text)")
                        .find())
                .isTrue();
        assertThat(CYPHER.matcher("a matching (fuzzy) search, created by hand").find())
                .isFalse();
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
