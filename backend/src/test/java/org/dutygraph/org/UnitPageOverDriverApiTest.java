package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.context.TestPropertySource;

/**
 * The unit page with the in-process read path turned off: every read goes through the driver, as it does against
 * a Neo4j server or cluster, and answers the same.
 */
@TestPropertySource(properties = "dutygraph.read.in-process=false")
class UnitPageOverDriverApiTest extends UnitPageApiTest {

    @Override
    void assertRoundTripsRan(long inProcess, long roundTrips) {
        assertThat(inProcess).isZero();
        assertThat(roundTrips).isPositive();
    }

    /** Nothing is remembered on the driver path: every page reads the database again. */
    @Override
    void assertRepeatedPageRoundTrips(long roundTrips) {
        assertThat(roundTrips).isPositive();
    }
}
