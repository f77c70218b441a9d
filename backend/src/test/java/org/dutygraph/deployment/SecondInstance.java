package org.dutygraph.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Supplier;
import org.dutygraph.DutygraphApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A second instance of the service in this JVM: its own application context and web server, against the Neo4j the
 * first instance uses (the embedded store's Bolt connector, or the test container), with the first's settings.
 */
final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts it with the settings the test base class registers ({@code registerSettings}), pointed at the first
     * instance's database through its connection details.
     */
    static SecondInstance of(
            Neo4jConnectionDetails first, java.util.function.Consumer<DynamicPropertyRegistry> settings) {
        var properties = new LinkedHashMap<String, Supplier<Object>>();
        settings.accept(properties::put);
        var auth = first.getAuthToken();
        @SuppressWarnings("unchecked")
        var token = ((org.neo4j.driver.internal.security.InternalAuthToken) auth).toMap();
        properties.remove("dutygraph.embedded.data-directory");
        properties.remove("dutygraph.embedded.enabled");
        var args = new ArrayList<String>();
        properties.forEach((name, value) -> args.add("--" + name + "=" + value.get()));
        args.addAll(java.util.List.of(
                "--spring.neo4j.uri=" + first.getUri(),
                "--spring.neo4j.authentication.username="
                        + token.get("principal").asString(),
                "--spring.neo4j.authentication.password="
                        + token.get("credentials").asString(),
                "--dutygraph.embedded.enabled=false",
                "--dutygraph.demo.load=false",
                "--server.port=0",
                "--spring.main.banner-mode=off"));
        var context = new SpringApplicationBuilder(DutygraphApplication.class)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
        return new SecondInstance(context);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
