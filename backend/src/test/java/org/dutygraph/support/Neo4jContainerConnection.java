package org.dutygraph.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Where a Docker engine answers, the tests' Neo4j is a Testcontainers Neo4j 5.26 whose connection details reach
 * the application through {@code @ServiceConnection}; the embedded store then stays off. Elsewhere this bean does
 * not exist and the application starts its embedded store, as in production without a server.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Neo4jContainerConnection {

    @Bean
    @ServiceConnection
    @Conditional(Neo4jForTests.DockerAnswers.class)
    Neo4jContainer neo4jContainer() {
        return new Neo4jContainer("neo4j:5.26").withoutAuthentication();
    }
}
