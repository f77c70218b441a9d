package org.dutygraph.complaints;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The complaints fixture: a small city (bundles/complaints.bundle.json) with an analysed overlap, matters with
 * synonyms and a sub-district whose city-management unit holds 市容 (bundles/complaints-matters.bundle.json), and
 * unit staff accounts of the market regulator (cmkt), the health commission (chlth) and the government (cgov).
 */
abstract class ComplaintTestSupport extends ApiTest {

    static final String SUBMIT = """
            mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) {
              receipt complaint { number category status handlingUnitName } errors { field code message } } }""";

    @Autowired
    PasswordEncoder passwords;

    @BeforeEach
    void cityAndAccounts() {
        if (count("Organization") == 0 || !exists("cmkt") || !exists("ccg-e")) {
            wipeGraph();
            for (var bundle : List.of("bundles/complaints.bundle.json", "bundles/complaints-matters.bundle.json")) {
                var imported = importBundle(resource(bundle));
                if (!imported.path("problems").isEmpty()) {
                    throw new AssertionError("Fixture bundle rejected: " + bundle + " " + imported.path("problems"));
                }
            }
            as("analyst")
                    .post("mutation { runAnalysis(input: {waitSeconds: 60}) { job { status } } }")
                    .ok();
        }
        for (var unit : List.of("cmkt", "chlth", "cgov")) {
            account(unit + "-staff", unit);
        }
    }

    private boolean exists(String unitId) {
        try (var session = driver.session()) {
            return session.run("MATCH (o:Organization {id: $id}) RETURN count(o) > 0 AS e", Map.of("id", unitId))
                    .single()
                    .get("e")
                    .asBoolean();
        }
    }

    private void account(String username, String unitId) {
        try (var session = driver.session()) {
            session.run("""
                    MERGE (a:Account {username: $u})
                    ON CREATE SET a.passwordHash = $hash, a.roles = ['UNIT_STAFF'], a.unitId = $unit""", Map.of("u", username, "hash", passwords.encode(username + "-demo"), "unit", unitId))
                    .consume();
        }
    }

    static Map<String, Object> complaint(Map<String, Object> target) {
        var input = new HashMap<String, Object>();
        input.put("submissionId", UUID.randomUUID().toString());
        input.put("target", target);
        input.put("category", "BUCK_PASSING");
        input.put("description", "办理餐饮许可时被要求跑了三次，窗口人员互相推诿。");
        input.put("place", "政务服务中心二楼");
        return input;
    }

    JsonNode submit(Map<String, Object> input) {
        return anonymous().post(SUBMIT, Map.of("input", input)).ok().path("submitComplaint");
    }

    /** Submits anonymously and returns [id, receipt]. */
    String[] file(Map<String, Object> target) {
        var submitted = submit(complaint(target));
        var number = submitted.path("complaint").path("number").asString();
        try (var session = driver.session()) {
            var id = session.run("MATCH (c:Complaint {number: $n}) RETURN c.id AS id", Map.of("n", number))
                    .single()
                    .get("id")
                    .asString();
            return new String[] {id, submitted.path("receipt").asString()};
        }
    }

    JsonNode advance(String username, String id, String action, Map<String, Object> extra) {
        var input = new HashMap<String, Object>(extra);
        input.put("id", id);
        input.put("action", action);
        return as(username).post("""
                mutation($input: AdvanceComplaintInput!) { advanceComplaint(input: $input) {
                  complaint { id status conclusion serious answer dueAt handlingUnit { id } }
                  errors { field code message } } }""", Map.of("input", input)).ok().path("advanceComplaint");
    }

    GraphQl citizen() {
        return anonymous();
    }

    long complaintsWithNumber(String number) {
        try (var session = driver.session()) {
            return session.run("MATCH (c:Complaint {number: $n}) RETURN count(c) AS c", Map.of("n", number))
                    .single()
                    .get("c")
                    .asLong();
        }
    }
}
