package org.dutygraph.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 6 and 7: each rule of the compatibility gate, shown on a copy of the current schema changed on
 * purpose in the test, against the documents clients send (the app's operations and every kept release's).
 */
class CompatibilityGateTest {

    private static final String SDL = Contract.sdl(Contract.SCHEMA_DIR);

    private static CompatibilityGate.Report gate(String before, String after) {
        return CompatibilityGate.compare(
                Contract.schemaOf(before), Contract.schemaOf(after), Contract.clientDocuments());
    }

    private static String change(String sdl, String regex, String replacement) {
        var changed = Pattern.compile(regex).matcher(sdl).replaceFirst(replacement);
        assertThat(changed).as("the test's change applies: " + regex).isNotEqualTo(sdl);
        return changed;
    }

    private static String withoutNotificationTitle(String sdl) {
        return change(sdl, "(type Notification \\{[^}]*?)(\\n    \"[^\"\\n]*\")?\\n    title: String!", "$1");
    }

    @Test
    void theCurrentSchemaAgainstItselfHasNothingToReport() {
        var report = gate(SDL, SDL);
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aNewValueInAnOutputEnumIsAWarningNamingTypeValueAndEveryReader() {
        var report = gate(SDL, change(SDL, "(enum ComplaintStatus \\{\\s*)", "$1ESCALATED\n    "));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings()).hasSize(1);
        assertThat(report.warnings().get(0))
                .startsWith("ComplaintStatus.ESCALATED: new value in an output enum")
                .doesNotContain("null")
                .contains(
                        "handler/Complaints.graphql",
                        "handler/Complaint.graphql",
                        "release 1.0.0 Complaints",
                        "release 1.0.0 AdvanceComplaint");
    }

    @Test
    void aChangedArgumentDefaultIsAWarningNamingTheOperationsUsingTheField() {
        var report = gate(SDL, change(SDL, "(complaints\\(filter: ComplaintFilter, first: Int = )50", "$1" + "20"));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings())
                .singleElement()
                .asString()
                .startsWith("Query.complaints(first:): default value changed")
                .contains("handler/Complaints.graphql", "release 1.0.0 Complaints");
    }

    @Test
    void aChangedInputFieldDefaultIsAWarningToo() {
        var report = gate(SDL, change(SDL, "(\\bworst: Int = )10", "$1" + "5"));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings()).singleElement().asString().contains(".worst: default value changed");
    }

    @Test
    void removingAFieldAKeptReleaseReadsWithoutDeprecatingItFirstFailsNamingEveryDocument() {
        var report = gate(SDL, withoutNotificationTitle(SDL));
        assertThat(report.breaks())
                .singleElement()
                .asString()
                .startsWith("Notification.title removed without a prior @deprecated(reason:)")
                .contains(
                        "common/Inbox.graphql",
                        "common/Notification.graphql",
                        "release 1.0.0 Inbox",
                        "release 1.0.0 Notification");
    }

    @Test
    void removingADeprecatedFieldFailsWhileAKeptReleaseStillReadsIt() {
        var deprecated = change(
                SDL, "(type Notification \\{[^}]*?\\n    title: String!)", "$1 @deprecated(reason: \"Use body.\")");
        var removed = withoutNotificationTitle(SDL);
        assertThat(gate(deprecated, removed).breaks())
                .singleElement()
                .asString()
                .startsWith("Notification.title removed while still used")
                .contains("release 1.0.0 Inbox");
    }

    @Test
    void removingADeprecatedFieldNoDocumentUsesPasses() {
        var removed = change(
                SDL,
                "\\n    \"What the notification is about, as a string[^\\n]*\\n    subjectType: String @deprecated\\([^)]*\\)",
                "");
        var report = gate(SDL, removed);
        assertThat(report.breaks()).isEmpty();
    }

    @Test
    void removingAnEnumValueNamesTypeAndValue() {
        var report = gate(SDL, change(SDL, "(enum ComplaintStatus \\{[^}]*)\\n    REOPENED", "$1"));
        assertThat(report.breaks())
                .singleElement()
                .asString()
                .startsWith("ComplaintStatus.REOPENED removed without a prior @deprecated(reason:)")
                .contains("release 1.0.0 Complaints");
    }

    @Test
    void removingAnArgumentNamesIt() {
        var report = gate(SDL, change(SDL, "complaints\\(filter: ComplaintFilter, ", "complaints("));
        assertThat(report.breaks())
                .singleElement()
                .asString()
                .startsWith("Query.complaints(filter:) removed without a prior @deprecated(reason:)")
                .contains("handler/Complaints.graphql");
    }

    @Test
    void retypingAFieldIsABreakNamingItsReaders() {
        var report = gate(SDL, change(SDL, "(type Notification \\{[^}]*?\\n    title: )String!", "$1Int!"));
        assertThat(report.breaks())
                .singleElement()
                .asString()
                .startsWith("Notification.title: The new API has changed field")
                .contains("release 1.0.0 Inbox");
    }

    @Test
    void everyInvalidDocumentIsListedNotOnlyTheFirst() {
        var schema = Contract.schemaOf(withoutNotificationTitle(SDL));
        assertThat(Contract.invalidDocuments(schema, Contract.clientDocuments()))
                .hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(f -> assertThat(f).startsWith("common/Inbox.graphql: "))
                .anySatisfy(f -> assertThat(f).startsWith("common/Notification.graphql: "))
                .anySatisfy(f -> assertThat(f).startsWith("release 1.0.0 Inbox: "))
                .anySatisfy(f -> assertThat(f).startsWith("release 1.0.0 Notification: "));
    }

    private static String renamed(String sdl, String from, String to) {
        var changed = sdl.replaceAll("\\b" + from + "\\b", to);
        assertThat(changed).as("the test's rename applies: " + from).isNotEqualTo(sdl);
        return changed;
    }

    @Test
    void renamingANestedInputTypeNoDocumentNamesIsAWarningNotABreak() {
        var report = gate(SDL, renamed(SDL, "InspectionFindingInput", "FieldFindingInput"));
        assertThat(report.breaks()).isEmpty();
        assertThat(report.warnings())
                .singleElement()
                .asString()
                .startsWith("SyncInspectorDayInput.findings: input type InspectionFindingInput renamed "
                        + "FieldFindingInput with the same shape")
                .contains("inspector/SyncInspectorDay.graphql", "release 1.0.0 SyncInspectorDay");
    }

    @Test
    void renamingANestedInputTypeAndChangingItsShapeIsABreak() {
        var renamedAndNarrowed = change(
                renamed(SDL, "InspectionFindingInput", "FieldFindingInput"),
                "(input FieldFindingInput \\{[^}]*?)\\n    badgeNumber: String",
                "$1");
        assertThat(gate(SDL, renamedAndNarrowed).breaks())
                .hasSize(2)
                .anySatisfy(b -> assertThat(b)
                        .startsWith("SyncInspectorDayInput.findings: The new API has changed input field")
                        .contains("inspector/SyncInspectorDay.graphql"))
                .anySatisfy(b -> assertThat(b).startsWith("InspectionFindingInput.badgeNumber removed"));
    }

    @Test
    void renamingANestedInputTypeADocumentNamesIsABreakNamingIt() {
        var documents = new java.util.ArrayList<>(Contract.clientDocuments());
        documents.add(new CompatibilityGate.ClientDocument("test Review", """
                mutation Review($id: ID!, $decision: InspectionFindingDecision!) {
                  reviewInspectionFinding(input: {id: $id, decision: $decision}) { errors { code } }
                }"""));
        var report = CompatibilityGate.compare(
                Contract.schemaOf(SDL),
                Contract.schemaOf(renamed(SDL, "InspectionFindingDecision", "ReviewDecision")),
                documents);
        assertThat(report.breaks())
                .singleElement()
                .asString()
                .startsWith("ReviewInspectionFindingInput.decision: The new API has changed input field")
                .contains("test Review");
    }
}
