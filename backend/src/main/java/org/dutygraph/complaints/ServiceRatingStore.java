package org.dutygraph.complaints;

import java.util.HashMap;
import java.util.List;
import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Citizens' service ratings, one per service case (its keyed tag is unique: a constraint refuses a second). */
@Component
class ServiceRatingStore {

    /** A rating as stored: the case only as a keyed tag. */
    record Rating(String caseTag, String unitId, String level, int score, List<String> indicators, long at) {}

    private final Neo4jClient neo4j;

    ServiceRatingStore(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Stores the rating; false when its case was rated already. Run it in a transaction of its own (outside
     * {@code GraphTransactions}): the refused write fails the transaction it runs in.
     */
    boolean create(Rating rating) {
        var params = new HashMap<String, Object>();
        params.put("tag", rating.caseTag());
        params.put("unit", rating.unitId());
        params.put("level", rating.level());
        params.put("score", rating.score());
        params.put("indicators", rating.indicators());
        params.put("at", rating.at());
        try {
            neo4j.query("""
                    CREATE (:ServiceRating {caseTag: $tag, unitId: $unit, level: $level, score: $score,
                            indicators: $indicators, at: $at})""").bindAll(params).run();
            return true;
        } catch (DataIntegrityViolationException e) {
            if (e.getCause() instanceof Neo4jException n
                    && n.code() != null
                    && n.code().contains("ConstraintValidationFailed")) {
                return false;
            }
            throw e;
        }
    }
}
