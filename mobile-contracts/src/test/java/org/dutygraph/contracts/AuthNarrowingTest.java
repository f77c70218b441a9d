package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 18 item 5: the gate compares applied {@code @auth} too, which the introspection-based diff drops. */
class AuthNarrowingTest {

    @Test
    void noRootFieldLostARoleSinceTheBaseline() {
        assertThat(AuthNarrowing.breaks(
                        Contract.schema(Contract.BASELINE_DIR),
                        Contract.schema(Contract.SCHEMA_DIR),
                        Contract.operations()))
                .isEmpty();
    }

    @Test
    void narrowingComplaintsToInspectorsIsBreakingAndNamesTheHandlersOperations() {
        // the current schema with one deliberate break: complaints narrowed to inspectors (handlers are UNIT_STAFF)
        var sdl = Contract.sdl(Contract.SCHEMA_DIR);
        var narrowedSdl = sdl.replaceFirst(
                "(complaints\\(filter: ComplaintFilter[^@]*)@auth\\(roles: \\[[^\\]]*\\]\\)",
                "$1@auth(roles: [INSPECTOR])");
        assertThat(narrowedSdl).isNotEqualTo(sdl);
        var narrowed = graphql.schema.idl.UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new graphql.schema.idl.SchemaParser().parse(narrowedSdl));
        var breaks = AuthNarrowing.breaks(Contract.schema(Contract.SCHEMA_DIR), narrowed, Contract.operations());
        assertThat(breaks).hasSize(1);
        assertThat(breaks.get(0))
                .startsWith("Query.complaints no longer allows [")
                .contains("UNIT_STAFF")
                .contains("handler/Complaints.graphql");
    }
}
