package org.dutygraph.platform.migrations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/** One {@code V<version>__<Description>.cypher} file, following the neo4j-migrations naming convention. */
record CypherMigration(String version, String description, String script) {

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.cypher");

    static CypherMigration of(String fileName, String script) {
        var m = NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalStateException(
                    "Migration file name " + fileName + " does not match V<version>__<Description>.cypher");
        }
        return new CypherMigration(m.group(1), m.group(2).replace('_', ' '), script);
    }

    int numericVersion() {
        return Integer.parseInt(version);
    }

    String checksum() {
        var crc = new CRC32();
        crc.update(script.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }

    /** Statements separated by a semicolon at the end of a line; line comments dropped. */
    List<String> statements() {
        var statements = new ArrayList<String>();
        var current = new StringBuilder();
        for (var line : script.split("\\R")) {
            var trimmed = line.strip();
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
