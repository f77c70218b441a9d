package org.dutygraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.dutygraph.support.ApiTest;
import org.dutygraph.support.GraphQl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every root field is called anonymously and with every role: those the schema's @auth names get
 * through, everyone else is refused with UNAUTHENTICATED or FORBIDDEN. A new root field without a
 * sample here fails the test, so none can ship untested.
 */
class AuthorizationApiTest extends ApiTest {

    private static final Map<String, String> ACCOUNTS = Map.of(
            "ADMIN",
            "admin",
            "ANALYST",
            "analyst",
            "APPRAISER",
            "appraiser",
            "INSPECTOR",
            "inspector",
            "UNIT_STAFF",
            "staff");

    /** One call per root field, "Type.field". */
    private static final Map<String, String> SAMPLES = Map.ofEntries(
            Map.entry("Query.me", "{ me { username } }"),
            Map.entry("Query.unit", "{ unit(id: \"x\") { id } }"),
            Map.entry("Query.units", "{ units(first: 1) { edges { cursor } } }"),
            Map.entry("Query.post", "{ post(id: \"x\") { id } }"),
            Map.entry("Query.person", "{ person(id: \"x\") { id } }"),
            Map.entry("Query.duty", "{ duty(id: \"x\") { id } }"),
            Map.entry("Query.duties", "{ duties(filter: {holderId: \"x\"}) { edges { cursor } } }"),
            Map.entry("Query.searchDuties", "{ searchDuties(text: \"矿山\") { edges { cursor } } }"),
            Map.entry("Query.powerItem", "{ powerItem(id: \"x\") { id } }"),
            Map.entry("Query.powerItems", "{ powerItems(first: 1) { edges { cursor } } }"),
            Map.entry("Query.concept", "{ concept(id: \"x\") { id } }"),
            Map.entry("Query.area", "{ area(id: \"x\") { id } }"),
            Map.entry("Query.importJob", "{ importJob(id: \"x\") { id } }"),
            Map.entry("Query.exportBundle", "{ exportBundle }"),
            Map.entry("Query.findings", "{ findings(first: 1) { edges { cursor } } }"),
            Map.entry("Query.finding", "{ finding(id: \"x\") { id } }"),
            Map.entry("Query.findingCounts", "{ findingCounts { edges { cursor } } }"),
            Map.entry("Query.analysisJob", "{ analysisJob(id: \"x\") { id } }"),
            Map.entry("Mutation.runAnalysis", "mutation { runAnalysis(input: {waitSeconds: 0}) { job { status } } }"),
            Map.entry(
                    "Mutation.triageFinding",
                    "mutation { triageFinding(input: {id: \"x\", action: ACKNOWLEDGE}) { errors { code } } }"),
            Map.entry("Query.inbox", "{ inbox(first: 1) { edges { cursor } } }"),
            Map.entry("Query.unreadNotificationCount", "{ unreadNotificationCount }"),
            Map.entry("Query.notification", "{ notification(id: \"x\") { id } }"),
            Map.entry("Query.myDevices", "{ myDevices(first: 1) { edges { cursor } } }"),
            Map.entry("Query.deadPushes", "{ deadPushes(first: 1) { edges { cursor } } }"),
            Map.entry(
                    "Mutation.registerDevice",
                    "mutation { registerDevice(input: {token: \"auth-sample-token\", platform: ANDROID}) { errors { code } } }"),
            Map.entry("Mutation.unregisterDevice", "mutation { unregisterDevice(input: {token: \"x\"}) { removed } }"),
            Map.entry(
                    "Mutation.markNotificationsRead",
                    "mutation { markNotificationsRead(input: {all: true}) { unreadCount } }"),
            Map.entry(
                    "Mutation.sendAnnouncement",
                    "mutation { sendAnnouncement(input: {usernames: [\"nobody\"], title: \"t\", body: \"b\"}) { recipients } }"),
            Map.entry("Mutation.replayPushes", "mutation { replayPushes(input: {ids: [\"x\"]}) { replayed } }"),
            Map.entry("Query.complaintByReceipt", "{ complaintByReceipt(receipt: \"x\") { number } }"),
            Map.entry("Query.complaints", "{ complaints(first: 1) { edges { cursor } } }"),
            Map.entry("Query.complaint", "{ complaint(id: \"x\") { id } }"),
            Map.entry("Query.complaintAudit", "{ complaintAudit(id: \"x\") { edges { cursor } } }"),
            Map.entry("Query.complaintStats", "{ complaintStats(first: 1) { edges { cursor } } }"),
            Map.entry(
                    "Mutation.submitComplaint",
                    "mutation { submitComplaint(input: {submissionId: \"x\", target: {}, "
                            + "category: OTHER, description: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.replyToComplaint",
                    "mutation { replyToComplaint(input: {receipt: \"x\", body: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.followComplaintPush",
                    "mutation { followComplaintPush(input: {receipt: \"x\", token: \"x\", "
                            + "platform: ANDROID, acceptLinkRisk: false}) { following } }"),
            Map.entry(
                    "Mutation.rateService",
                    "mutation { rateService(input: {serviceCaseNumber: \"\", unitId: \"x\", "
                            + "level: SATISFIED}) { accepted } }"),
            Map.entry(
                    "Mutation.advanceComplaint",
                    "mutation { advanceComplaint(input: {id: \"x\", action: REGISTER}) { errors { code } } }"),
            Map.entry(
                    "Mutation.sendComplaintMessage",
                    "mutation { sendComplaintMessage(input: {id: \"x\", body: \"x\"}) { errors { code } } }"),
            Map.entry("Query.checklistTemplates", "{ checklistTemplates(first: 1) { edges { cursor } } }"),
            Map.entry("Query.checklist", "{ checklist(id: \"x\", version: \"x\") { id } }"),
            Map.entry("Query.rectification", "{ rectification(id: \"x\") { id } }"),
            Map.entry("Query.inspectionPlans", "{ inspectionPlans(first: 1) { edges { cursor } } }"),
            Map.entry("Query.inspectionPlan", "{ inspectionPlan(id: \"x\") { id } }"),
            Map.entry("Query.myAssignments", "{ myAssignments(first: 1) { edges { cursor } } }"),
            Map.entry("Query.assignment", "{ assignment(id: \"x\") { id } }"),
            Map.entry("Query.replayDraw", "{ replayDraw(planId: \"x\") { matches } }"),
            Map.entry("Query.inspectionFindings", "{ inspectionFindings(first: 1) { edges { cursor } } }"),
            Map.entry("Query.inspectionFinding", "{ inspectionFinding(id: \"x\") { id } }"),
            Map.entry("Query.rectifications", "{ rectifications(first: 1) { edges { cursor } } }"),
            Map.entry("Query.accountabilityChain", "{ accountabilityChain(findingId: \"x\") { postId } }"),
            Map.entry(
                    "Query.patrolShortfalls",
                    "{ patrolShortfalls(date: \"2026-01-01\", first: 1) { edges { cursor } } }"),
            Map.entry("Query.inspectionAudit", "{ inspectionAudit(planId: \"x\") { edges { cursor } } }"),
            Map.entry(
                    "Mutation.createInspectionPlan",
                    "mutation { createInspectionPlan(input: {title: \"x\", method: OPEN, "
                            + "scopeUnitIds: [], startsOn: \"2026-01-01\", endsOn: \"2026-01-02\", samplingRatio: 1}) { errors { code } } }"),
            Map.entry(
                    "Mutation.drawInspection",
                    "mutation { drawInspection(input: {planId: \"x\"}) { errors { code } } }"),
            Map.entry("Mutation.syncInspectorDay", "mutation { syncInspectorDay(input: {}) { errors { code } } }"),
            Map.entry(
                    "Mutation.reviewInspectionFinding",
                    "mutation { reviewInspectionFinding(input: {id: \"x\", decision: REJECT, reason: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.respondToRectification",
                    "mutation { respondToRectification(input: {id: \"x\", response: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.recordReturnVisit",
                    "mutation { recordReturnVisit(input: {rectificationId: \"x\", fixed: true}) { errors { code } } }"),
            Map.entry(
                    "Mutation.recordAccountabilityMeasure",
                    "mutation { recordAccountabilityMeasure(input: {findingId: \"x\", "
                            + "postId: \"x\", measure: REMINDER_TALK}) { errors { code } } }"),
            Map.entry("Query.accountabilityCatalogueTemplate", "{ accountabilityCatalogueTemplate { definition } }"),
            Map.entry("Query.accountabilityCatalogues", "{ accountabilityCatalogues(first: 1) { edges { cursor } } }"),
            Map.entry("Query.accountabilityCatalogue", "{ accountabilityCatalogue(version: 999999) { version } }"),
            Map.entry("Query.accountabilityCases", "{ accountabilityCases(first: 1) { edges { cursor } } }"),
            Map.entry("Query.accountabilityCase", "{ accountabilityCase(id: \"x\") { id } }"),
            Map.entry(
                    "Query.postAccountabilityItems", "{ postAccountabilityItems(postId: \"x\") { catalogueVersion } }"),
            Map.entry(
                    "Query.unitAccountabilityItems",
                    "{ unitAccountabilityItems(unitId: \"x\", first: 1) { edges { cursor } } }"),
            Map.entry("Query.accountabilityCatalogueDocument", "{ accountabilityCatalogueDocument(unitId: \"x\") }"),
            Map.entry("Query.myAccountabilityCases", "{ myAccountabilityCases(first: 1) { edges { cursor } } }"),
            Map.entry(
                    "Query.accountabilityCaseStatistics",
                    "{ accountabilityCaseStatistics(from: \"2026-01-01\", to: \"2026-12-31\") { units { cases } } }"),
            Map.entry(
                    "Query.typicalAccountabilityCases",
                    "{ typicalAccountabilityCases(input: {year: 2026, cases: [{caseId: \"x\", narrative: \"n\"}]}) "
                            + "{ markdown } }"),
            Map.entry(
                    "Mutation.saveAccountabilityCatalogue",
                    "mutation { saveAccountabilityCatalogue(input: "
                            + "{validFrom: \"2001-01-01\", definition: {}}) { errors { code } } }"),
            Map.entry(
                    "Mutation.openAccountabilityCase",
                    "mutation { openAccountabilityCase(input: {channel: \"x\", "
                            + "reference: \"x\", summary: \"x\", actDate: \"2001-01-01\", situationCode: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.advanceAccountabilityCase",
                    "mutation { advanceAccountabilityCase(input: {id: \"x\", action: \"CLOSE\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.submitCaseStatement",
                    "mutation { submitCaseStatement(input: {caseId: \"x\", text: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.appealAccountabilityCase",
                    "mutation { appealAccountabilityCase(input: {caseId: \"x\", grounds: \"x\"}) { errors { code } } }"),
            Map.entry("Query.appraisalTemplates", "{ appraisalTemplates(first: 1) { edges { cursor } } }"),
            Map.entry("Query.appraisalSchemes", "{ appraisalSchemes(first: 1) { edges { cursor } } }"),
            Map.entry("Query.myAppraisal", "{ myAppraisal(year: 2026) { edges { cursor } } }"),
            Map.entry(
                    "Query.appraisalResults", "{ appraisalResults(schemeId: \"x\", year: 2026) { edges { cursor } } }"),
            Map.entry(
                    "Mutation.saveAppraisalScheme",
                    "mutation { saveAppraisalScheme(input: {id: \"x\", inForceFrom: \"2026-01\", definition: {}}) { errors { code } } }"),
            Map.entry(
                    "Mutation.enterAppraisalScores",
                    "mutation { enterAppraisalScores(input: {appraisalPeriod: \"2026-01\", "
                            + "scores: [{subjectId: \"nobody\", code: \"x\", value: \"1\"}]}) { errors { code } } }"),
            Map.entry(
                    "Mutation.enterAppraisalSheet",
                    "mutation { enterAppraisalSheet(input: {appraisalPeriod: \"2001-01\", codes: [\"x\"], "
                            + "rows: [{subjectId: \"nobody\", values: [\"1\"]}]}) { errors { code } } }"),
            Map.entry(
                    "Mutation.importAppraisalScoreSheet",
                    "mutation { importAppraisalScoreSheet(input: {format: CSV, text: \"code,value\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.recordAppraisalEvent",
                    "mutation { recordAppraisalEvent(input: {subjectId: \"nobody\", "
                            + "month: \"2026-01\", kind: \"VIOLATION\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.recomputeAppraisal",
                    "mutation { recomputeAppraisal(input: {year: 2001, waitSeconds: 0}) { job { id } } }"),
            Map.entry("Query.appraisalJob", "{ appraisalJob(id: \"x\") { id } }"),
            Map.entry(
                    "Query.appraisalInputs",
                    "{ appraisalInputs(subjectId: \"x\", appraisalPeriod: \"2001-01\") { subjectId } }"),
            Map.entry(
                    "Mutation.withdrawAppraisalEvent",
                    "mutation { withdrawAppraisalEvent(input: {id: \"x\", reason: \"r\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.endAppraisalScheme",
                    "mutation { endAppraisalScheme(input: {id: \"x\", fromMonth: \"2001-01\"}) { errors { code } } }"),
            Map.entry("Query.ratingRounds", "{ ratingRounds(first: 1) { edges { cursor } } }"),
            Map.entry("Query.ratingRound", "{ ratingRound(id: \"x\") { id } }"),
            Map.entry("Query.myRatingBallots", "{ myRatingBallots(first: 1) { edges { cursor } } }"),
            Map.entry(
                    "Mutation.openRatingRound",
                    "mutation { openRatingRound(input: {title: \"t\", schemeId: \"x\", "
                            + "period: \"2001-01\", indicatorCode: \"x\", subjects: {ids: [\"x\"]}, groups: [], questions: [], scale: [], "
                            + "opensAt: \"2001-01-01T00:00:00Z\", closesAt: \"2001-01-02T00:00:00Z\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.closeRatingRound",
                    "mutation { closeRatingRound(input: {id: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.submitRatingBallot",
                    "mutation { submitRatingBallot(input: {roundId: \"x\", ratings: []}) { errors { code } } }"),
            Map.entry("Query.citizenRankings", "{ citizenRankings(first: 1) { edges { cursor } } }"),
            Map.entry("Query.matters", "{ matters(first: 1) { version edges { cursor } } }"),
            Map.entry("Query.supervisionSignals", "{ supervisionSignals(first: 1) { edges { cursor } } }"),
            Map.entry("Query.hallQueueDay", "{ hallQueueDay(hallId: \"x\", date: \"2001-01-01\") { hallId } }"),
            Map.entry("Query.watchedHalls", "{ watchedHalls { edges { cursor } } }"),
            Map.entry("Query.watchedHall", "{ watchedHall(hallId: \"x\") { unitId } }"),
            Map.entry(
                    "Mutation.setHallQueueThresholds",
                    "mutation { setHallQueueThresholds(input: {hallId: \"x\", yellow: 1, orange: 2, red: 3, "
                            + "clearMargin: 0}) { errors { code } } }"),
            Map.entry("Query.supervisionStatistics", "{ supervisionStatistics(month: \"2001-01\") { month } }"),
            Map.entry("Query.supervisionRanking", "{ supervisionRanking(month: \"2001-01\") { month } }"),
            Map.entry(
                    "Mutation.setHallWorkloadTargets",
                    "mutation { setHallWorkloadTargets(input: {hallId: \"x\", offPeakStandard: 1, offPeakChallenge: 2, "
                            + "peakStandard: 1, peakChallenge: 2, peakPeriods: []}) { errors { code } } }"),
            Map.entry(
                    "Query.hallWorkload",
                    "{ hallWorkload(hallId: \"x\", from: \"2001-01-01\", to: \"2001-01-02\") { hallId } }"),
            Map.entry("Query.citizenRankingDrafts", "{ citizenRankingDrafts(first: 1) { edges { cursor } } }"),
            Map.entry("Query.replayCitizenRanking", "{ replayCitizenRanking(id: \"x\") }"),
            Map.entry(
                    "Mutation.drawCitizenRanking",
                    "mutation { drawCitizenRanking(input: {appraisalPeriod: \"2001-05\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.publishCitizenRanking",
                    "mutation { publishCitizenRanking(input: {id: \"x\"}) { errors { code } } }"),
            Map.entry("Mutation.login", "mutation { login(input: {username: \"nobody\", password: \"x\"}) { token } }"),
            Map.entry("Mutation.refreshSession", "mutation { refreshSession(input: {refreshToken: \"x\"}) { token } }"),
            Map.entry("Mutation.signOut", "mutation { signOut(input: {refreshToken: \"x\"}) { signedOut } }"),
            Map.entry(
                    "Mutation.changePassword",
                    "mutation { changePassword(input: {currentPassword: \"x\", newPassword: \"x\"}) { token } }"),
            Map.entry(
                    "Mutation.importBundle",
                    "mutation { importBundle(input: {bundle: {format: \"org-bundle/1\"}}) { job { status } } }"),
            Map.entry("Query.scenarios", "{ scenarios(first: 1) { edges { cursor } } }"),
            Map.entry("Query.scenario", "{ scenario(id: \"x\") { id } }"),
            Map.entry("Query.compareScenarios", "{ compareScenarios { before { units } } }"),
            Map.entry(
                    "Mutation.createScenario", "mutation { createScenario(input: {name: \"\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.addScenarioStep",
                    "mutation { addScenarioStep(input: {scenarioId: \"x\", step: {kind: RENAME_UNIT}}) { errors { code } } }"),
            Map.entry(
                    "Mutation.undoScenarioStep",
                    "mutation { undoScenarioStep(input: {id: \"x\"}) { errors { code } } }"),
            Map.entry(
                    "Mutation.shareScenario",
                    "mutation { shareScenario(input: {id: \"x\", usernames: []}) { errors { code } } }"),
            Map.entry("Mutation.applyScenario", "mutation { applyScenario(input: {id: \"x\"}) { errors { code } } }"));

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void everyRootFieldHasASample() {
        assertThat(SAMPLES.keySet())
                .containsExactlyInAnyOrderElementsOf(rootFields().keySet());
    }

    @Test
    void onlyTheDeclaredRolesMayCallEachRootField() {
        var anonymous = anonymousTester();
        var testers = new java.util.TreeMap<String, HttpGraphQlTester>();
        ACCOUNTS.forEach((role, username) -> testers.put(role, tester(username)));
        var failures = new ArrayList<String>();
        rootFields().forEach((field, allowed) -> {
            var document = SAMPLES.get(field);
            if (document == null) {
                return;
            }
            var anonymousCode = firstErrorCode(anonymous, document);
            expect(failures, field + " anonymous", anonymousCode, allowed == null ? null : "UNAUTHENTICATED");
            testers.forEach((role, tester) -> {
                var mayCall = allowed == null || allowed.contains(role);
                expect(failures, field + " as " + role, firstErrorCode(tester, document), mayCall ? null : "FORBIDDEN");
            });
        });
        assertThat(failures).isEmpty();
    }

    /** The code of the response's first error, or null when it has none. */
    private static String firstErrorCode(HttpGraphQlTester tester, String document) {
        var code = new AtomicReference<String>();
        tester.document(document)
                .execute()
                .errors()
                .satisfy(errors -> errors.stream()
                        .findFirst()
                        .ifPresent(
                                e -> code.set(String.valueOf(e.getExtensions().get("code")))));
        return code.get();
    }

    @Test
    void anInvalidTokenIsRefusedBeforeAnyFieldRuns() {
        var response = new GraphQl(port, "not-a-token").post("{ me { username } }");
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void loginGivesATokenWithTheAccountsRolesAndAWrongPasswordGivesACodedError() {
        var ok = anonymous()
                .post(
                        "mutation { login(input: {username: \"analyst\", password: \"analyst-demo\"}) { token account { username roles } errors { code } } }")
                .ok()
                .path("login");
        assertThat(ok.path("token").asString()).isNotBlank();
        assertThat(ok.path("account").path("roles").path(0).asString()).isEqualTo("ANALYST");
        var me = new GraphQl(port, ok.path("token").asString())
                .post("{ me { username roles } }")
                .ok()
                .path("me");
        assertThat(me.path("username").asString()).isEqualTo("analyst");

        var wrong = anonymous()
                .post(
                        "mutation { login(input: {username: \"analyst\", password: \"guess\"}) { token errors { field code message } } }")
                .ok()
                .path("login");
        assertThat(wrong.path("token").isNull()).isTrue();
        assertThat(wrong.path("errors").path(0).path("code").asString()).isEqualTo("INVALID_CREDENTIALS");
    }

    @Autowired
    AccountStore accountRepository;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        accountRepository.createIfMissing(
                "throttled", passwordEncoder.encode("right-password"), List.of(Role.ANALYST), null);
        var login =
                "mutation($p: String!) { login(input: {username: \"throttled\", password: $p}) { token errors { code } } }";
        for (int i = 0; i < LoginThrottle.ATTEMPTS; i++) {
            assertThat(anonymous()
                            .post(login, Map.of("p", "guess-" + i))
                            .ok()
                            .path("login")
                            .path("errors")
                            .path(0)
                            .path("code")
                            .asString())
                    .isEqualTo("INVALID_CREDENTIALS");
        }
        var locked = anonymous().post(login, Map.of("p", "right-password")).ok().path("login");
        assertThat(locked.path("token").isNull()).isTrue();
        assertThat(locked.path("errors").path(0).path("code").asString()).isEqualTo("TOO_MANY_ATTEMPTS");
    }

    private static void expect(List<String> failures, String what, String actual, String expected) {
        var refused = "UNAUTHENTICATED".equals(actual) || "FORBIDDEN".equals(actual);
        var ok = expected == null ? !refused : expected.equals(actual);
        if (!ok) {
            failures.add(what + ": expected " + (expected == null ? "access" : expected) + " but got " + actual);
        }
    }

    /** Root fields with the roles of their @auth directive; null for @public. */
    private Map<String, Set<String>> rootFields() {
        var schema = graphQlSource.schema();
        var result = new java.util.HashMap<String, Set<String>>();
        for (var type : List.of(schema.getQueryType(), schema.getMutationType())) {
            for (GraphQLFieldDefinition field : type.getFieldDefinitions()) {
                var auth = field.getAppliedDirective("auth");
                Set<String> roles = auth == null
                        ? null
                        : ((List<?>) auth.getArgument("roles").getValue())
                                .stream().map(Object::toString).collect(Collectors.toSet());
                result.put(type.getName() + "." + field.getName(), roles);
            }
        }
        return result;
    }
}
