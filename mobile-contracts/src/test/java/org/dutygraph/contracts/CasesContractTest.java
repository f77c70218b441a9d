package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Complainants' identities never enter a case (issue 20): from an accountability case no nested type leads to a
 * complaint, its contact details or its receipt, nor to the organisation graph (which leads on to people).
 */
class CasesContractTest {

    private final GraphQLSchema schema = Contract.schema(Contract.SCHEMA_DIR);

    @Test
    void nothingReachableFromACaseLeadsToAComplaintOrItsComplainant() {
        var reached = new TreeSet<String>();
        var fields = new TreeSet<String>();
        for (var root : Set.of("AccountabilityCase", "AccountabilityCaseConnection", "AccountabilityCasePayload")) {
            reach(schema.getType(root), reached, fields);
        }
        assertThat(reached)
                .as("types reachable from a case")
                .containsOnly(
                        "AccountabilityCase",
                        "AccountabilityCaseConnection",
                        "AccountabilityCaseEdge",
                        "AccountabilityCasePayload",
                        "CaseSource",
                        "CaseNamed",
                        "CaseSituation",
                        "CaseChainLink",
                        "CaseDecision",
                        "CaseAppeal",
                        "CaseStep",
                        "CaseStatement",
                        "PageInfo",
                        "UserError");
        assertThat(fields)
                .as("no field about a complainant")
                .noneMatch(f -> f.matches("(?i).*(contact|phone|receipt|complainant|citizen|email|address).*"));
    }

    private void reach(graphql.schema.GraphQLType type, Set<String> reached, Set<String> fields) {
        var named = GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof GraphQLFieldsContainer container) || !reached.add(named.getName())) {
            return;
        }
        container.getFieldDefinitions().forEach(f -> {
            fields.add(named.getName() + "." + f.getName());
            reach(f.getType(), reached, fields);
        });
    }
}
