package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.dutygraph.org.bundle.BundleProblem;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.support.Catalogue;
import org.junit.jupiter.api.Test;

class BundleValidatorTest {

    private static java.util.List<BundleProblem> problems(String json, ExistingIds existing) {
        // the reasons in English words, as the assertions below read them
        var messages = Catalogue.messages();
        var problems = new Problems(text -> messages.render(text, Languages.ENGLISH));
        var bundle = new BundleReader(problems).read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        if (bundle != null) {
            new BundleValidator(existing, problems).validate(bundle);
        }
        return problems.list();
    }

    @Test
    void anIdHoldingHalfACharacterIsRefused_notStoredAsAnotherId() {
        // the escape of half a character: stored, it would become "a?", the id of the other unit
        var found = problems("""
                {"format": "org-bundle/1", "organizations": [
                  {"id": "a?", "name": "甲", "classification": "department"},
                  {"id": "a\\ud800", "name": "乙", "classification": "department"}]}""", ExistingIds.NONE);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.organizations[1].id");
            assertThat(p.code()).isEqualTo("INVALID_VALUE");
            assertThat(p.message()).contains("half a character");
        });
    }

    @Test
    void aReferenceOrANameHoldingHalfACharacterIsRefusedAtItsPath() {
        // stored, "a\\ud800" would become "a?": a reference to another unit, a name changed silently
        var found = problems("""
                {"format": "org-bundle/1", "organizations": [
                  {"id": "a", "name": "甲", "classification": "department"},
                  {"id": "b", "name": "乙\\ud800", "classification": "section", "parent_id": "a\\ud800",
                   "other_names": [{"name": "丙"}, {"name": "\\udc00丁"}]}]}""", ExistingIds.NONE);
        assertThat(found)
                .filteredOn(p -> p.code().equals("INVALID_VALUE"))
                .extracting(p -> p.path())
                .containsExactlyInAnyOrder(
                        "$.organizations[1].name", "$.organizations[1].parent_id", "$.organizations[1].other_names[1]");
    }

    @Test
    void aLongCycleIsReportedOnceWithItsMembers() {
        var found = problems("""
                {"format": "org-bundle/1", "organizations": [
                  {"id": "a", "name": "甲", "classification": "department", "parent_id": "b"},
                  {"id": "b", "name": "乙", "classification": "department", "parent_id": "c"},
                  {"id": "c", "name": "丙", "classification": "department", "parent_id": "a"},
                  {"id": "d", "name": "丁", "classification": "section", "parent_id": "a"}]}""", ExistingIds.NONE);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.organizations[0].parent_id");
            assertThat(p.message()).contains("a -> b -> c -> a");
        });
    }

    @Test
    void referencesResolveAgainstStoredNodesWithTheRightScheme() {
        var stored = new ExistingIds() {
            @Override
            public Set<String> find(String label, Collection<String> ids) {
                return label.equals("Organization") ? Set.of("stored-unit") : Set.of();
            }

            @Override
            public Map<String, String> conceptSchemes(Collection<String> ids) {
                return Map.of("stored-action", "action", "stored-object", "object");
            }
        };
        var found = problems("""
                {"format": "org-bundle/1", "duties": [
                  {"id": "d1", "holder_id": "stored-unit", "text": "负责", "action": "stored-action", "objects": ["stored-object"]},
                  {"id": "d2", "holder_id": "stored-unit", "text": "负责", "action": "stored-object"}]}""", stored);
        assertThat(found)
                .extracting(BundleProblem::path, BundleProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.duties[1].action", "SCHEME_MISMATCH"));
    }

    @Test
    void anObjectOrPowerItemListedTwiceOnADutyIsRefused_notStoredTwice() {
        var stored = new ExistingIds() {
            @Override
            public Set<String> find(String label, Collection<String> ids) {
                return Set.copyOf(ids);
            }

            @Override
            public Map<String, String> conceptSchemes(Collection<String> ids) {
                return Map.of("stored-action", "action", "stored-object", "object");
            }
        };
        var found = problems("""
                {"format": "org-bundle/1", "duties": [
                  {"id": "d1", "holder_id": "stored-unit", "text": "负责", "action": "stored-action",
                   "objects": ["stored-object", "stored-object"], "power_item_ids": ["pi", "pi"]}]}""", stored);
        assertThat(found)
                .extracting(BundleProblem::path, BundleProblem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("$.duties[0].objects[1]", "DUPLICATE_VALUE"),
                        org.assertj.core.groups.Tuple.tuple("$.duties[0].power_item_ids[1]", "DUPLICATE_VALUE"));
    }

    @Test
    void malformedJsonIsOneProblemWithItsPosition() {
        var found = problems("{\"format\": \"org-bundle/1\", \"areas\": [", ExistingIds.NONE);
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("MALFORMED_JSON");
            assertThat(p.message()).contains("line 1");
        });
    }

    @Test
    void withdrawalsNeedAnEndDateAndArrangementsNeedLeadOrCooperate() {
        var found = problems("""
                {"format": "org-bundle/1",
                 "organizations": [{"id": "u", "name": "甲", "classification": "department", "status": "dissolved"}],
                 "duties": [{"id": "d1", "holder_id": "u", "text": "负责", "status": "withdrawn"},
                            {"id": "d2", "holder_id": "u", "text": "负责", "arrangement_id": "arr", "role": "sole"}]}""", ExistingIds.NONE);
        assertThat(found)
                .extracting(BundleProblem::path)
                .containsExactlyInAnyOrder(
                        "$.organizations[0].dissolution_date", "$.duties[0].end_date", "$.duties[1].role");
    }
}
