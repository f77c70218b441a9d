package org.dutygraph.conflicts;

import java.time.Clock;
import org.dutygraph.conflicts.engine.ProjectionStore;
import org.dutygraph.platform.neo4j.InProcessGraph;
import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine package stays free of Spring (ArchitectureTest); its store is made a bean here. */
@Configuration(proxyBeanMethods = false)
class ProjectionStoreConfiguration {

    @Bean
    ProjectionStore projectionStore(Driver driver, InProcessGraph inProcess, Clock clock) {
        return new ProjectionStore(driver, inProcess.database().orElse(null), clock);
    }

    @Bean
    BundleAnalysis bundleAnalysis(ConflictSettings settings, org.dutygraph.platform.i18n.Messages messages) {
        return new BundleAnalysis(settings, messages);
    }
}
