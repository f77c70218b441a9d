package org.dutygraph.complaints;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.platform.graphql.UserError;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Service;

/**
 * Citizens rate a window or section after service, once per service case number. The number itself is
 * not kept (it leads to the citizen's file), only a keyed tag of it that makes a second rating fail.
 */
@Service
public class ServiceRatings {

    public static final List<String> LEVELS = List.of("VERY_SATISFIED", "SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED",
            "VERY_DISSATISFIED");

    private final Driver driver;
    private final Receipts receipts;
    private final ComplaintStore store;
    private final Clock clock;

    ServiceRatings(Driver driver, Receipts receipts, ComplaintStore store, Clock clock) {
        this.driver = driver;
        this.receipts = receipts;
        this.store = store;
        this.clock = clock;
    }

    public List<UserError> rate(String serviceCaseNumber, String unitId, String level, List<String> indicators) {
        var errors = new ArrayList<UserError>();
        var number = serviceCaseNumber == null ? "" : serviceCaseNumber.strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || number.length() > 64) {
            errors.add(UserError.of("INVALID_LENGTH", "'serviceCaseNumber' must be 1 to 64 characters", "input", "serviceCaseNumber"));
        }
        if (store.existing("Organization", List.of(unitId)).isEmpty()) {
            errors.add(UserError.of("NOT_FOUND", "No unit has id '" + unitId + "'", "input", "unitId"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        var params = new HashMap<String, Object>();
        params.put("tag", receipts.tag("service-case", number));
        params.put("unit", unitId);
        params.put("level", level);
        params.put("score", 5 - LEVELS.indexOf(level));
        params.put("indicators", indicators == null ? List.of() : List.copyOf(new java.util.TreeSet<>(indicators)));
        params.put("at", clock.millis());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (:ServiceRating {caseTag: $tag, unitId: $unit, level: $level, score: $score,
                            indicators: $indicators, at: $at})""", params).consume());
            return List.of();
        } catch (ClientException e) {
            if (ComplaintStore.isDuplicate(e)) {
                return List.of(UserError.of("ALREADY_RATED", "This service case has been rated already", "input",
                        "serviceCaseNumber"));
            }
            throw e;
        }
    }
}
