package org.dutygraph.inspections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every step of the chain answers in its role (domain §6), also where posts declare whom they report to. */
class AccountabilityRolesApiTest extends InspectionTestSupport {

    @Test
    void aChainOfDeclaredReportingLinesNamesSectionHeadDeputyPrincipalAndTheGovernmentAbove() {
        var id = recordedFinding("iedu-xk", Map.of("badgeNumber", "IB003"))[0];
        review(
                "eff-chief",
                Map.of(
                        "id",
                        id,
                        "decision",
                        "CONFIRM",
                        "rectifyBy",
                        today().plusDays(5).toString()));

        var chain = as("eff-chief").post("""
                query($id: ID!) { accountabilityChain(findingId: $id) { postId links { role post { id label } } } }""", Map.of("id", id)).ok().path("accountabilityChain");
        assertThat(chain.path("postId").asString()).isEqualTo("iedu-xk-1");
        assertThat(chain.path("links")
                        .valueStream()
                        .map(l -> l.path("role").asString() + ":"
                                + l.path("post").path("id").asString()))
                .containsExactly(
                        "POST_HOLDER:iedu-xk-1",
                        "SECTION_HEAD:iedu-xk-head",
                        "IN_CHARGE_SUPERVISOR:iedu-deputy",
                        "PRINCIPAL_LEADER:iedu-head",
                        "PARENT_HEAD:igov-vm",
                        "PARENT_HEAD:igov-mayor");
    }
}
