package org.dutygraph.contracts.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the app's operations as an Apollo persisted-query manifest ({@code apollo-persisted-query-manifest},
 * version 1): for each {@code .graphql} file under the operations directory, its text without surrounding
 * whitespace as {@code body} (what the app sends) and the SHA-256 of that text as {@code id}, sorted by name. Run by
 * the build (process-classes) into the module's jar and as its {@code persisted-query-manifest} artifact:
 * {@code PersistedQueryManifest <operations directory> <output file>}.
 */
public final class PersistedQueryManifest {

    public static final String FORMAT = "apollo-persisted-query-manifest";
    private static final Pattern OPERATION =
            Pattern.compile("\\b(query|mutation|subscription)\\s+([_A-Za-z][_0-9A-Za-z]*)");

    public record Operation(String id, String name, String type, String body) {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: PersistedQueryManifest <operations directory> <output file>");
            System.exit(2);
        }
        var output = Path.of(args[1]);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, json(read(Path.of(args[0]))), StandardCharsets.UTF_8);
    }

    public static List<Operation> read(Path operationsDirectory) throws IOException {
        var operations = new ArrayList<Operation>();
        try (Stream<Path> files = Files.walk(operationsDirectory)) {
            for (var file : files.filter(f -> f.toString().endsWith(".graphql"))
                    .sorted()
                    .toList()) {
                var body = Files.readString(file, StandardCharsets.UTF_8).strip();
                var matcher = OPERATION.matcher(body);
                if (!matcher.find()) {
                    throw new IllegalArgumentException(file + " declares no named operation");
                }
                operations.add(new Operation(sha256(body), matcher.group(2), matcher.group(1), body));
            }
        }
        operations.sort(java.util.Comparator.comparing(Operation::name));
        return operations;
    }

    public static String json(List<Operation> operations) {
        var out = new StringBuilder("{\n  \"format\": \"" + FORMAT + "\",\n  \"version\": 1,\n  \"operations\": [");
        for (int i = 0; i < operations.size(); i++) {
            var o = operations.get(i);
            out.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"id\": ")
                    .append(quote(o.id()))
                    .append(", \"name\": ")
                    .append(quote(o.name()))
                    .append(", \"type\": ")
                    .append(quote(o.type()))
                    .append(", \"body\": ")
                    .append(quote(o.body()))
                    .append('}');
        }
        return out.append("\n  ]\n}\n").toString();
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private PersistedQueryManifest() {}
}
