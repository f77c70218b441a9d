package org.dutygraph.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Value;

/**
 * Ballots are anonymous in the strict sense, checked in the database itself: a vote leaves a marker that is a keyed hash
 * and choices in a sorted list, nothing else; no property, relationship, time or order ties a ballot to its rater; two
 * raters swapping their choices leave the same stored ballots; the audit and results name no rater.
 */
class RatingRoundAnonymityApiTest extends RatingRoundTestSupport {

    private static final List<String> HEAD = List.of("R-HEAD");
    private static final List<String> CITY_LEADERS = List.of("R-MAYOR", "R-VM", "R-O1", "R-O2", "R-O3");
    private static final List<String> STAFF = List.of("R-S1", "R-S2", "R-S3", "R-S4", "R-S5");

    /** Every node and relationship of the graph (but job locks, which background jobs touch), by element id. */
    private Map<String, String> dump() {
        try (var session = driver.session()) {
            var all = new TreeMap<String, String>();
            session.run("MATCH (n) WHERE NOT n:JobLock RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p")
                    .forEachRemaining(r -> all.put(
                            r.get("id").asString(),
                            r.get("l").asList(Value::asString) + " "
                                    + new TreeMap<>(r.get("p").asMap(v -> String.valueOf(v.asObject())))));
            session.run("MATCH ()-[x]->() RETURN elementId(x) AS id, type(x) AS t, properties(x) AS p")
                    .forEachRemaining(r -> all.put(
                            r.get("id").asString(),
                            r.get("t").asString() + " "
                                    + new TreeMap<>(r.get("p").asMap(v -> String.valueOf(v.asObject())))));
            return all;
        }
    }

    @Test
    void aVoteAddsAKeyedMarkerAndSortedChoices_andNothingThatLeadsBackToTheRater() {
        var id = openOk(leadersRound("2034-12", HEAD));
        assertThat(ballot("R-S1", id)).as("signed in before the snapshot").isNotNull();
        var before = dump();

        submitOk("R-S1", id, ratings(HEAD, 2, 3));

        var after = dump();
        var added = new HashMap<>(after);
        before.keySet().forEach(added::remove);
        var changed = new HashMap<String, String>();
        before.forEach((k, v) -> {
            if (after.containsKey(k) && !after.get(k).equals(v)) {
                changed.put(k, after.get(k));
            }
        });
        assertThat(before.keySet()).as("nothing removed").isSubsetOf(after.keySet());
        assertThat(added.values())
                .as("one new node: the marker, a keyed hash and the round")
                .singleElement()
                .satisfies(marker -> {
                    assertThat(marker).startsWith("[RatingVoteMarker] {roundId=" + id + ", tag=");
                    assertThat(marker).matches(".*tag=[0-9a-f]{64}}");
                });
        assertThat(changed.values())
                .as("one changed node: the head's staff box, choices and count only")
                .singleElement()
                .satisfies(box -> assertThat(box)
                        .isEqualTo("[RatingBallotBox] {ballots=[2,3], count=1, eligible=10, group=staff, key=" + id
                                + "|R-HEAD|staff, roundId=" + id + ", subjectId=R-HEAD}"));

        var tag = added.values().iterator().next().replaceAll(".*tag=([0-9a-f]{64})}", "$1");
        for (var plain : List.of("R-S1", "r-s1", id + "|R-S1", "rating-round-voter|" + id + "|R-S1")) {
            assertThat(tag).as("not an unkeyed hash of " + plain).isNotEqualTo(sha256(plain));
        }
        try (var session = driver.session()) {
            var linked = session.run("""
                    MATCH (n)-[x]-() WHERE n:RatingVoteMarker OR n:RatingBallotBox OR n:RatingRound OR n:RatingEligibility
                      OR n:RatingRoundEvent RETURN count(x) AS c""").single().get("c").asLong();
            assertThat(linked).as("no relationship from or to any rounds node").isZero();
        }
        close(id);
    }

    @Test
    void twoRatersSwappingTheirChoicesLeaveTheSameStoredBallots_andNeitherAuditNorResultsNameAVoter() {
        var first = openOk(leadersRound("2035-01", HEAD));
        var second = openOk(leadersRound("2035-02", HEAD));
        for (var round : List.of(first, second)) {
            CITY_LEADERS.forEach(p -> submitOk(p, round, ratings(HEAD, 1, 1)));
            STAFF.subList(2, 5).forEach(p -> submitOk(p, round, ratings(HEAD, 1, 2)));
        }
        submitOk("R-S1", first, ratings(HEAD, 0, 0));
        submitOk("R-S2", first, ratings(HEAD, 3, 3));
        submitOk("R-S2", second, ratings(HEAD, 0, 0));
        submitOk("R-S1", second, ratings(HEAD, 3, 3));

        assertThat(stored(first)).isEqualTo(stored(second)).isNotEmpty();

        close(first);
        close(second);
        var text = round(first).toString() + as("appraiser").post("""
                { appraisalInputs(subjectId: "R-HEAD", period: "2035-01") { log(first: 20) { edges { node { enteredBy source } } } } }""").ok().toString();
        var voters = new HashSet<String>(CITY_LEADERS);
        voters.addAll(STAFF);
        for (var voter : voters) {
            assertThat(text)
                    .as("audit, results and input log name no voter")
                    .doesNotContain(voter)
                    .doesNotContain(user(voter) + "\"");
        }
        assertThat(text).contains("\"openedBy\":\"appraiser\"", "\"closedBy\":\"appraiser\"", "\"ballotsCast\":10");
    }

    /** The boxes of a round as stored, without the round's id: subject, group, count, ballots. */
    private List<String> stored(String roundId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (b:RatingBallotBox {roundId: $id}) RETURN b.subjectId + '/' + b.group + '/' + toString(b.count) + '/'
                      + reduce(s = '', x IN b.ballots | s + x + ';') AS box ORDER BY box""", Map.of("id", roundId))
                    .list(r -> r.get("box").asString());
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
