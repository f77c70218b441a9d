package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.schema.GraphQLObjectType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaContractTest {

    private final graphql.schema.GraphQLSchema schema = Contract.schema(Contract.SCHEMA_DIR);

    @Test
    void everyRootFieldDeclaresWhoMayCallIt() {
        var undeclared = new ArrayList<String>();
        for (GraphQLObjectType root : rootTypes()) {
            root.getFieldDefinitions().forEach(field -> {
                var auth = field.getAppliedDirective("auth") != null;
                var open = field.getAppliedDirective("public") != null;
                if (auth == open) {
                    undeclared.add(root.getName() + "." + field.getName());
                }
            });
        }
        assertThat(undeclared)
                .as("root fields need exactly one of @auth(roles: ...) or @public")
                .isEmpty();
    }

    @Test
    void everyListThatCanGrowIsAConnection() {
        var lists = new ArrayList<String>();
        for (GraphQLObjectType root : rootTypes()) {
            root.getFieldDefinitions().stream()
                    .filter(f -> graphql.schema.GraphQLTypeUtil.unwrapNonNull(f.getType())
                            instanceof graphql.schema.GraphQLList)
                    .forEach(f -> lists.add(root.getName() + "." + f.getName()));
        }
        assertThat(lists).as("root lists must be Relay connections").isEmpty();
    }

    /**
     * Issue 18 item 9: a failure on one query root field (FORBIDDEN, bad input, not found) must not null its
     * siblings, so every query root field is nullable. Mutation root fields keep non-null payloads: expected
     * failures are user errors in the payload, and the app sends one mutation per document (checked here).
     */
    @Test
    void queryRootFieldsAreNullableAndAppMutationsSendOneRootFieldEach() {
        var nonNull = schema.getQueryType().getFieldDefinitions().stream()
                .filter(f -> graphql.schema.GraphQLTypeUtil.isNonNull(f.getType()))
                .map(f -> "Query." + f.getName())
                .toList();
        assertThat(nonNull).as("non-null query root fields").isEmpty();
        var several = new ArrayList<String>();
        for (var document : Contract.clientDocuments()) {
            for (var operation : graphql.parser.Parser.parse(document.body())
                    .getDefinitionsOfType(graphql.language.OperationDefinition.class)) {
                if (operation.getOperation() == graphql.language.OperationDefinition.Operation.MUTATION
                        && operation.getSelectionSet().getSelections().size() != 1) {
                    several.add(document.label());
                }
            }
        }
        assertThat(several)
                .as("mutation documents with more than one root field")
                .isEmpty();
    }

    /**
     * Issue 18 item 10: one default page size everywhere (the server's too: Connection.DEFAULT_PAGE), except nested
     * lists, which the schema leaves undeclared (see {@link #isBoundedList}: up to 500 without 'first', and a
     * TRUNCATED error when more are left out), and citizen
     * rankings: each carries all its entries, so 50 of them by default would exceed the query cost limit and the
     * released CitizenRankings document, which may leave 'first' out, would be refused.
     */
    @Test
    void everyPageHasTheSameDefaultSize() {
        var others = new ArrayList<String>();
        for (var type : schema.getAllTypesAsList()) {
            if (type instanceof GraphQLObjectType object && !type.getName().startsWith("__")) {
                for (var field : object.getFieldDefinitions()) {
                    var first = field.getArgument("first");
                    if (first != null && isBoundedList(field)) {
                        if (first.hasSetDefaultValue()) {
                            others.add(object.getName() + "." + field.getName() + " (a bounded list: no default)");
                        }
                        continue;
                    }
                    if (first != null
                            && !field.getName().startsWith("citizenRanking")
                            && !"50"
                                    .equals(String.valueOf(
                                            first.getArgumentDefaultValue().getValue()
                                                            instanceof graphql.language.IntValue v
                                                    ? v.getValue()
                                                    : null))) {
                        others.add(object.getName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(others).as("'first' arguments whose default is not 50").isEmpty();
    }

    /**
     * A nested plain list bounded by {@code first} (BoundedListVisitor): without it the list comes whole up to 500
     * (with TRUNCATED past that), so the schema declares no default, and the query cost measure weighs an omitted
     * bound as 500.
     */
    private static boolean isBoundedList(graphql.schema.GraphQLFieldDefinition field) {
        return graphql.schema.GraphQLTypeUtil.unwrapNonNull(field.getType()) instanceof graphql.schema.GraphQLList;
    }

    /**
     * Issue 18: every list a client reads is bounded, by {@code first} (a nested list: BoundedListVisitor) or by
     * paging (a connection's edges), unless it is listed here with why it cannot grow with the data.
     */
    private static final java.util.Map<String, String> SMALL_BY_NATURE = smallByNature();

    private static java.util.Map<String, String> smallByNature() {
        var reasons = new java.util.TreeMap<String, String>();
        java.util.function.BiConsumer<String, String> because = (reason, fields) -> {
            for (var field : fields.split("\\s+")) {
                if (!field.isBlank()) {
                    reasons.put(field, reason);
                }
            }
        };
        because.accept("one error per field of the request it answers", """
                UserError.field
                AccountabilityCaseStatistics.errors SupervisionStatistics.errors SupervisionRanking.errors
                HallWorkload.errors
                ImportBundlePayload.problems""");
        because.accept(
                "the units of a page: paged by the field's own first/after", "AccountabilityCaseStatistics.units");
        because.accept(
                "one per value of an enum or of the deployment's catalogue (kinds, sources, measures, roles)", """
                Account.roles UnitCaseStatistics.bySource UnitCaseStatistics.bySituation UnitCaseStatistics.byMeasure
                UnitFindingCount.byKind CitizenRankingEntry.indicators AccountabilitySituation.kinds
                AccountabilitySituation.complaintCategories AccountabilitySituation.checklistCodes
                AccountabilitySituation.appraisalEvents AccountabilitySituation.eSupervisionRules
                AccountabilitySituation.bindingConcepts AccountabilitySituation.bindingPowerItemCategories
                AccountabilityCatalogue.openDirectly AccountabilityCatalogue.areas AccountabilityArea.situations
                AccountabilitySituation.bindingDutyIds AccountabilitySituation.bindingPowerItemIds
                AccountabilityCase.jointRules TypicalAccountabilityCase.jointRules""");
        because.accept("as long as the unit tree is deep or a chain of command long (a handful)", """
                Unit.ancestors Post.reportsToChain Post.supervisoryChain AccountabilityCase.chain
                AccountabilityChain.links AccountabilityLink.measures""");
        because.accept("what one document or form holds, bounded by the input limits it was saved under", """
                CitizenRanking.entries CitizenRanking.ties AppraisalRunSummary.ties AppraisalResult.periods
                AppraisalPeriodResult.flags AppraisalPeriodResult.breakdown AppraisalInputSheet.scores
                AppraisalScoreEntry.ballots PostAccountabilityItems.items TypicalAccountabilityCasesPayload.cases
                CitizenComplaint.photos Complaint.photoUrls Complaint.suggestedUnits Complaint.suggestions
                Finding.evidence Finding.roleEvidence ChecklistTemplate.items Checklist.items InspectionPlan.checklist
                InspectionPlan.managers Assignment.inspectors Assignment.checklist SyncInspectorDayPayload.visits
                SyncInspectorDayPayload.findings SyncInspectorDayPayload.evidence SyncInspectorDayPayload.patrols
                Matter.synonyms Unit.otherNames RatingRound.questions RatingRound.scale RatingBallot.questions
                RatingBallot.scale Scenario.sharedWith ScenarioStep.dutyIds ScenarioStep.unitIds ScenarioStep.postIds
                ScenarioStep.objectIds ScenarioStep.powerItemIds ScenarioFinding.unitIds ScenarioFinding.postIds
                ScenarioFinding.dutyIds ScenarioFinding.powerItemIds ScenarioFinding.evidence
                ScenarioFinding.roleEvidence HallWorkloadTargets.peakPeriods HallWorkloadChange.peakPeriods""");
        return reasons;
    }

    @Test
    void everyListIsBoundedByFirstOrPaging() {
        var unbounded = new java.util.TreeSet<String>();
        for (var type : schema.getAllTypesAsList()) {
            if (!(type instanceof graphql.schema.GraphQLFieldsContainer container)
                    || type.getName().startsWith("__")
                    || rootTypes().contains(type)) {
                continue;
            }
            for (var field : container.getFieldDefinitions()) {
                var coordinates = type.getName() + "." + field.getName();
                var list = graphql.schema.GraphQLTypeUtil.unwrapNonNull(field.getType())
                        instanceof graphql.schema.GraphQLList;
                var paged =
                        type.getName().endsWith("Connection") && field.getName().equals("edges");
                var payloadErrors = type.getName().endsWith("Payload")
                        && (field.getName().equals("errors") || field.getName().equals("warnings"));
                if (list
                        && field.getArgument("first") == null
                        && !paged
                        && !payloadErrors
                        && !SMALL_BY_NATURE.containsKey(coordinates)) {
                    unbounded.add(coordinates);
                }
            }
        }
        assertThat(unbounded)
                .as("list fields with neither 'first' nor paging (payload errors, connection edges and"
                        + " SMALL_BY_NATURE aside)")
                .isEmpty();
        assertThat(SMALL_BY_NATURE.keySet().stream()
                        .filter(f -> {
                            var dot = f.indexOf('.');
                            var type = schema.getType(f.substring(0, dot));
                            return !(type instanceof graphql.schema.GraphQLFieldsContainer c)
                                    || c.getFieldDefinition(f.substring(dot + 1)) == null
                                    || c.getFieldDefinition(f.substring(dot + 1))
                                                    .getArgument("first")
                                            != null;
                        })
                        .toList())
                .as("SMALL_BY_NATURE entries no longer needed (gone or bounded)")
                .isEmpty();
    }

    @Test
    void everyMutationTakesOneInputObject() {
        var mutation = schema.getMutationType();
        mutation.getFieldDefinitions().forEach(field -> {
            assertThat(field.getArguments()).as(field.getName()).hasSize(1);
            assertThat(field.getArguments().get(0).getName()).isEqualTo("input");
            assertThat(graphql.schema.GraphQLTypeUtil.simplePrint(field.getType()))
                    .endsWith("Payload!");
            var payload = (GraphQLObjectType) graphql.schema.GraphQLTypeUtil.unwrapAll(field.getType());
            var errors = payload.getFieldDefinition("errors");
            assertThat(errors).as(payload.getName() + ".errors").isNotNull();
            assertThat(graphql.schema.GraphQLTypeUtil.simplePrint(errors.getType()))
                    .as(payload.getName() + ".errors")
                    .isEqualTo("[UserError!]!");
        });
    }

    @Test
    void everyOperationOfTheAppIsValidAndNamedAfterItsFile() {
        var operations = Contract.operations();
        assertThat(operations).isNotEmpty();
        var appDocuments = Contract.clientDocuments().stream()
                .filter(d -> !d.label().startsWith("release "))
                .toList();
        assertThat(Contract.invalidDocuments(schema, appDocuments))
                .as("app operations the schema does not validate")
                .isEmpty();
        var names = new HashSet<String>();
        var misnamed = new ArrayList<String>();
        for (var file : operations) {
            var document = Contract.read(file);
            var expected = file.getFileName().toString().replace(".graphql", "");
            if (!java.util.regex.Pattern.compile("(query|mutation|subscription) " + expected + "\\b")
                    .matcher(document)
                    .find()) {
                misnamed.add(file + " does not declare operation " + expected);
            }
            if (!names.add(expected)) {
                misnamed.add(file + ": operation name " + expected + " is not unique");
            }
        }
        assertThat(misnamed).isEmpty();
    }

    /**
     * The published schema may grow but not break what clients send (the app's operations and every kept
     * release's): removing or retyping a field, argument or enum value fails here, naming every document it
     * reaches; a removal passes only once the baseline marked it {@code @deprecated} and no document uses it.
     * Dangerous changes are printed as warnings. After an intended change, copy the schema into the baseline.
     */
    /**
     * Issue 18: the app's current operations read the typed fields, not the deprecated ones they replace (released
     * manifests keep sending theirs, and keep validating): a deprecated field is there only for released versions.
     */
    @Test
    void theAppsCurrentOperationsUseNothingDeprecated() {
        var deprecatedUses = new java.util.TreeSet<String>();
        for (var document : Contract.clientDocuments()) {
            if (document.label().startsWith("release ")) {
                continue;
            }
            for (var coordinate : OperationUsage.of(document.body(), schema).coordinates()) {
                var dot = coordinate.indexOf('.');
                if (dot < 0 || coordinate.contains("(")) {
                    continue;
                }
                var type = schema.getType(coordinate.substring(0, dot));
                if (type instanceof graphql.schema.GraphQLFieldsContainer container
                        && container.getFieldDefinition(coordinate.substring(dot + 1)) != null
                        && container
                                .getFieldDefinition(coordinate.substring(dot + 1))
                                .isDeprecated()) {
                    deprecatedUses.add(document.label() + ": " + coordinate);
                }
            }
        }
        assertThat(deprecatedUses)
                .as("deprecated fields read by the app's current operations")
                .isEmpty();
    }

    @Test
    void theSchemaDoesNotBreakThePublishedBaseline() {
        var report =
                CompatibilityGate.compare(Contract.schema(Contract.BASELINE_DIR), schema, Contract.clientDocuments());
        report.warnings().forEach(w -> System.out.println("compatibility warning: " + w));
        assertThat(report.breaks()).isEmpty();
    }

    /**
     * Anonymous callers reach only types made for them: a public field returning e.g. {@code Unit} would let
     * anyone walk on to posts, holders and supervisors. A new type reachable from a public field must be
     * added here on purpose.
     */
    @Test
    void publicRootFieldsReachOnlyPublicTypes() {
        // Account: the caller's own, after signing in. ComplaintMessage: author is CITIZEN or HANDLER, never a name.
        // CitizenHandlingUnit: names only (no id, nothing to walk on); CitizenComplaintStep: status and time, no
        // handler.
        var allowed = java.util.Set.of(
                "CitizenRankingConnection",
                "CitizenRankingEdge",
                "CitizenRanking",
                "CitizenRankingEntry",
                "PublicUnit",
                "IndicatorCount",
                "PageInfo",
                "CitizenComplaint",
                "ComplaintMessage",
                "CitizenComplaintPhoto",
                "CitizenComplaintStep",
                "CitizenHandlingUnit",
                "SupersededComplaintOutcome",
                "SubmitComplaintPayload",
                "ReplyToComplaintPayload",
                "FollowComplaintPushPayload",
                "RateServicePayload",
                "LoginPayload",
                "RefreshSessionPayload",
                "SignOutPayload",
                "Account",
                "UserError",
                "MatterConnection",
                "MatterEdge",
                "Matter",
                // units' on-time rates only: unit id and name, no post or person
                "SupervisionRanking",
                "SupervisionRankingEntry");
        var reached = new java.util.TreeSet<String>();
        for (GraphQLObjectType root : rootTypes()) {
            root.getFieldDefinitions().stream()
                    .filter(f -> f.getAppliedDirective("public") != null)
                    .forEach(f -> reach(f.getType(), reached));
        }
        assertThat(reached).as("types reachable from @public fields").isSubsetOf(allowed);
    }

    private void reach(graphql.schema.GraphQLType type, java.util.Set<String> reached) {
        var named = graphql.schema.GraphQLTypeUtil.unwrapAll(type);
        if (!(named instanceof graphql.schema.GraphQLFieldsContainer container) || !reached.add(named.getName())) {
            if (named instanceof graphql.schema.GraphQLUnionType union && reached.add(union.getName())) {
                union.getTypes().forEach(t -> reach(t, reached));
            }
            return;
        }
        container.getFieldDefinitions().forEach(f -> reach(f.getType(), reached));
        if (named instanceof graphql.schema.GraphQLInterfaceType) {
            schema.getImplementations((graphql.schema.GraphQLInterfaceType) named)
                    .forEach(t -> reach(t, reached));
        }
    }

    private List<GraphQLObjectType> rootTypes() {
        var roots = new ArrayList<GraphQLObjectType>();
        roots.add(schema.getQueryType());
        if (schema.getMutationType() != null) {
            roots.add(schema.getMutationType());
        }
        if (schema.getSubscriptionType() != null) {
            roots.add(schema.getSubscriptionType());
        }
        return roots;
    }
}
