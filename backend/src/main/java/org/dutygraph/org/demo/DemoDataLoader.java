package org.dutygraph.org.demo;

import java.time.Duration;
import org.dutygraph.org.bundle.BundleImportService;
import org.dutygraph.org.bundle.BundleSource;
import org.dutygraph.org.bundle.ImportJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** With {@code dutygraph.demo.load=true}, imports the demo city bundle at start (idempotent), before features add their demo rows. */
@Component
@ConditionalOnBooleanProperty("dutygraph.demo.load")
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_BUNDLE = "demo/qingshan-city.bundle.json";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final BundleImportService imports;

    DemoDataLoader(BundleImportService imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        try (var in = new ClassPathResource(DEMO_BUNDLE).getInputStream()) {
            var job = imports.submitAndWait(BundleSource.of(in), "demo", Duration.ofMinutes(5));
            if (job.status() != ImportJob.Status.SUCCEEDED) {
                throw new IllegalStateException("Demo bundle did not import: " + job.status() + " " + job.problems());
            }
            log.info("Demo data loaded: {} entries", job.total());
        }
    }
}
