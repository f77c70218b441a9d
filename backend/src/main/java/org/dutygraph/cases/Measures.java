package org.dutygraph.cases;

import java.util.List;
import org.dutygraph.accountability.AccountabilityChains;

/** The ladder of measures a case decides from (domain §6), mildest first, without "suspend first" (not a measure). */
final class Measures {

    static final List<String> LADDER = AccountabilityChains.MEASURES.stream()
            .filter(m -> !m.equals("SUSPENSION"))
            .toList();

    private Measures() {}

    static boolean known(String measure) {
        return LADDER.contains(measure);
    }

    static int rank(String measure) {
        return LADDER.indexOf(measure);
    }
}
