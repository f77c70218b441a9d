package org.dutygraph.platform.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 4: the GraphQL over HTTP spec's audit suite (the npm package graphql-http, its auditServer) against
 * the started server, GET audits included. Needs node and npm on the PATH and the npm registry (or its cache): the
 * test is skipped, saying which, where they are missing.
 */
class GraphQlHttpAuditApiTest extends ApiTest {

    private static final String AUDIT = """
            import { auditServer } from 'graphql-http';
            const results = await auditServer({ url: process.argv[2] });
            for (const r of results) {
              let body = null;
              if (r.status !== 'ok' && r.response) {
                try { body = (await r.response.clone().text()).slice(0, 500); } catch { body = '(body already read)'; }
              }
              console.log(JSON.stringify({ status: r.status, name: r.name, reason: r.reason ?? null, body }));
            }
            """;

    @Test
    void theServerPassesEveryAuditOfTheGraphQlOverHttpSpec() throws Exception {
        Assumptions.assumeTrue(runs(Path.of("."), 30, "node", "--version"), "node is not on the PATH: audit skipped");
        Assumptions.assumeTrue(runs(Path.of("."), 30, "npm", "--version"), "npm is not on the PATH: audit skipped");
        var dir = Files.createTempDirectory("graphql-http-audit");
        Assumptions.assumeTrue(
                runs(dir, 300, "npm", "install", "--no-audit", "--no-fund", "graphql-http@1.23.1", "graphql@16"),
                "npm could not install graphql-http (offline, no cache?): audit skipped");
        Files.writeString(dir.resolve("audit.mjs"), AUDIT);
        var process = new ProcessBuilder("node", "audit.mjs", "http://127.0.0.1:" + port + "/graphql")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        List<tools.jackson.databind.JsonNode> results = output.lines()
                .filter(l -> l.startsWith("{"))
                .map(GraphQl.JSON::readTree)
                .toList();
        assertThat(results).as(output).hasSizeGreaterThan(20);
        results.stream()
                .filter(r -> !"ok".equals(r.path("status").asString()))
                .forEach(r -> System.out.println("graphql-http audit: " + r));
        assertThat(results.stream()
                        .filter(r -> !"ok".equals(r.path("status").asString()))
                        .map(r -> r.path("status").asString() + " "
                                + r.path("name").asString() + ": "
                                + r.path("reason").asString())
                        .toList())
                .as("audits not passed")
                .isEmpty();
    }

    private static boolean runs(Path dir, int seconds, String... command) {
        try {
            var process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(seconds, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
