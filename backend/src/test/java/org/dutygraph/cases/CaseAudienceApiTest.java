package org.dutygraph.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who sees a case: the supervision office runs them (drafts included); a unit's leaders see the cases of the units they
 * lead; the person concerned sees their own; no one else: not a colleague, not the post's holder today, not another
 * unit's leader, not an inspector of another unit, not an appraiser.
 */
class CaseAudienceApiTest extends CaseTestSupport {

    @Test
    void leadersOfTheUnitAndAboveSeeIt_withoutWhoTookEachStepOrTheStatements() {
        var id = opened();
        statement(id);
        for (var leader : new String[] {"case-zb003", "case-zb005"}) {
            assertThat(casesAs(leader)).as(leader).contains(id);
            var seen = caseAs(leader, id);
            assertThat(seen.path("id").asString()).isEqualTo(id);
            assertThat(seen.path("openedBy").isNull()).isTrue();
            assertThat(seen.path("steps").path(0).path("by").isNull()).isTrue();
            assertThat(seen.path("statements").isEmpty()).isTrue();
        }
        assertThat(casesAs(OFFICE)).contains(id);
        assertThat(caseAs(APPEALS, id).path("id").asString()).isEqualTo(id);
    }

    @Test
    void thePersonConcernedSeesTheirOwnCaseOnThePhone_andNoOneElsesSeesIt() {
        var id = opened();
        var mine = listedAs("case-zb001", "{ myAccountabilityCases(first: 500) { edges { node { id } } } }");
        assertThat(mine).contains(id);
        assertThat(caseAs("case-zb001", id).path("person").path("id").asString())
                .isEqualTo("ZB001");
        assertThat(casesAs("case-zb001")).as("not a leader: no unit's cases").isEmpty();

        // the post's holder today, a colleague, another department's principal, another unit's inspector, an appraiser
        for (var other : new String[] {"case-zb002", "case-zb006", "case-zb008", "inspector2", "appraiser"}) {
            assertThat(caseAs(other, id).isNull()).as(other).isTrue();
            assertThat(casesAs(other)).as(other).doesNotContain(id);
            assertThat(listedAs(other, "{ myAccountabilityCases(first: 500) { edges { node { id } } } }"))
                    .as(other)
                    .doesNotContain(id);
        }
    }

    /**
     * Issue 20: a draft the office dismissed without registering it (a complaint or red card that was no matter for
     * accountability) was shown, with the office's reason, to the person concerned and their leaders: only the
     * status DRAFT was kept from them.
     */
    @Test
    void aDraftDismissedUnregisteredStaysWithTheOffice_aRegisteredCaseDismissedStaysWithThePerson() {
        var draft = draftFromAComplaint();
        step(draft, "DISMISS", Map.of("reason", "经核实不构成问责情形"));
        assertThat(caseAs(OFFICE, draft).path("status").asString()).isEqualTo("DISMISSED");
        for (var other : new String[] {"case-zb002", "case-zb003", "case-zb005"}) {
            assertThat(caseAs(other, draft).isNull()).as(other).isTrue();
            assertThat(casesAs(other)).as(other).doesNotContain(draft);
            assertThat(listedAs(other, "{ myAccountabilityCases(first: 500) { edges { node { id } } } }"))
                    .as(other)
                    .doesNotContain(draft);
        }

        var registered = draftFromAComplaint();
        step(registered, "CONFIRM", Map.of());
        step(registered, "DISMISS", Map.of("reason", "证据不足"));
        assertThat(caseAs("case-zb002", registered).path("status").asString()).isEqualTo("DISMISSED");
        assertThat(casesAs("case-zb003")).contains(registered);
    }

    /** A substantiated complaint against ZB002: the template opens its case as a draft. */
    private String draftFromAComplaint() {
        var complaint = concludedComplaint("COLD", "SUBSTANTIATED", "13900001111", "投诉人");
        var id = listedAs(OFFICE, """
                        { accountabilityCases(filter: {sourceKind: "COMPLAINT"}, first: 500) { edges { node { id } } } }""").stream()
                .filter(c ->
                        caseAs(OFFICE, c).path("source").path("id").asString().equals(complaint[0]))
                .findFirst()
                .orElseThrow();
        assertThat(caseAs(OFFICE, id).path("status").asString()).isEqualTo("DRAFT");
        return id;
    }

    @Test
    void onlyTheOfficeTakesSteps_andOnlyThePersonConcernedStatesAndAppeals() {
        var id = opened();
        long statements = count("CaseStatement");
        assertThat(firstCode(advance("inspector2", id, "START_INVESTIGATION", Map.of())))
                .isEqualTo("NOT_FOUND");
        assertThat(as("case-zb005").post("""
                mutation { advanceAccountabilityCase(input: {id: "%s", action: "START_INVESTIGATION"}) { errors { code } } }""".formatted(id)).firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(as("case-zb005").post("""
                mutation { openAccountabilityCase(input: {channel: "MEDIA", reference: "r", summary: "s", postId: "zedu-xk-1",
                  actDate: "2026-06-15", situationCode: "window.first-inquiry"}) { errors { code } } }""").firstErrorCode()).isEqualTo("FORBIDDEN");
        assertThat(as("inspector2").post("""
                mutation { openAccountabilityCase(input: {channel: "MEDIA", reference: "r", summary: "s", postId: "zedu-xk-1",
                  actDate: "2026-06-15", situationCode: "window.first-inquiry"}) { errors { code } } }""").firstErrorCode()).isEqualTo("FORBIDDEN");
        for (var other : new String[] {"case-zb002", "case-zb005", OFFICE}) {
            var refused = as(other)
                    .post("""
                    mutation($input: SubmitCaseStatementInput!) { submitCaseStatement(input: $input) { errors { code } } }""", Map.of("input", Map.of("caseId", id, "text", "不是我")))
                    .ok()
                    .path("submitCaseStatement");
            assertThat(firstCode(refused)).as(other).isEqualTo("NOT_FOUND");
        }
        assertThat(count("CaseStatement")).as("nothing stored by refusals").isEqualTo(statements);
    }

    @Test
    void draftsAreTheOfficesOnly() {
        var id = opened();
        try (var session = driver.session()) {
            session.run(
                            "MATCH (c:AccountabilityCase {id: $id}) SET c.status = 'DRAFT', c.registered = false",
                            Map.of("id", id))
                    .consume();
        }
        assertThat(caseAs(OFFICE, id).path("status").asString()).isEqualTo("DRAFT");
        for (var other : new String[] {"case-zb001", "case-zb003", "case-zb005"}) {
            assertThat(caseAs(other, id).isNull()).as(other).isTrue();
        }
    }

    private void statement(String id) {
        as("case-zb001")
                .post("""
                mutation($input: SubmitCaseStatementInput!) { submitCaseStatement(input: $input) { errors { code } } }""", Map.of("input", Map.of("caseId", id, "text", "情况说明")))
                .ok();
    }
}
