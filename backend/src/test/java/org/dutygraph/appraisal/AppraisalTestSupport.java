package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;

/** The appraisal fixture: a small city (bundles/appraisal.bundle.json) with a department and a service-centre window. */
abstract class AppraisalTestSupport extends AppraiserCalls {

    @BeforeEach
    void appraisalCity() {
        boolean present;
        try (var session = driver.session()) {
            present = session.run("MATCH (o:Organization {id: 'awin'}) RETURN count(o) > 0 AS e")
                    .single()
                    .get("e")
                    .asBoolean();
        }
        if (!present) {
            wipeGraph();
            assertThat(importBundle(resource("bundles/appraisal.bundle.json"))
                            .path("problems")
                            .isEmpty())
                    .isTrue();
        }
    }
}
