package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The organisation queries restructuring teams use, over the demo city. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgQueryApiTest extends ApiTest {

    @BeforeAll
    void demoCity() {
        wipeGraph();
        importBundle(BundleImportApiTest.DEMO);
    }

    private JsonNode query(String document) {
        return as("analyst").post(document).ok();
    }

    @Test
    void theUnitTreeStartsAtTheGovernmentAndPagesThroughChildren() {
        var roots = query("{ units { edges { node { id name } } } }").path("units").path("edges");
        assertThat(roots.valueStream().map(e -> e.path("node").path("id").asString())).containsExactly("gov");

        var page1 = query("{ unit(id: \"gov\") { children(first: 10) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }")
                .path("unit").path("children");
        assertThat(page1.path("edges").size()).isEqualTo(10);
        assertThat(page1.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        var cursor = page1.path("pageInfo").path("endCursor").asString();
        var page2 = as("analyst").post("query($c: String) { unit(id: \"gov\") { children(first: 100, after: $c) { edges { node { id } } pageInfo { hasNextPage } } } }",
                Map.of("c", cursor)).ok().path("unit").path("children");
        assertThat(page2.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
        assertThat(page1.path("edges").size() + page2.path("edges").size()).isEqualTo(24);
        assertThat(page2.path("edges").path(0).path("node").path("id").asString())
                .isGreaterThan(page1.path("edges").path(9).path("node").path("id").asString());
    }

    @Test
    void aUnitPageShowsSectionsPostsHoldersDutiesAndStaffing() {
        var unit = query("""
                { unit(id: "yjj") { name classification area { id } parent { id } ancestors { id }
                    sections { id name }
                    posts { edges { node { id label holders { name } vacant } } }
                    duties(first: 100) { edges { node { id text } } }
                    staffing { quota leadershipPositions posts filledPosts vacantPosts staff leadershipStaff overQuota }
                    supervisors { kind post { id } } } }""").path("unit");
        assertThat(unit.path("name").asString()).isEqualTo("青山市应急管理局");
        assertThat(unit.path("area").path("id").asString()).isEqualTo("qs");
        assertThat(unit.path("ancestors").valueStream().map(a -> a.path("id").asString())).containsExactly("gov");
        assertThat(unit.path("sections").valueStream().map(s -> s.path("name").asString()))
                .containsExactly("办公室", "非煤矿山安全监管科", "危险化学品安全监管科");
        assertThat(unit.path("posts").path("edges").size()).isEqualTo(3);
        var staffing = unit.path("staffing");
        assertThat(staffing.path("quota").asInt()).isEqualTo(45);
        // 3 leaders in the bureau + 3 section heads + 4 staff posts, all filled
        assertThat(staffing.path("posts").asInt()).isEqualTo(10);
        assertThat(staffing.path("filledPosts").asInt()).isEqualTo(10);
        assertThat(staffing.path("vacantPosts").asInt()).isZero();
        assertThat(staffing.path("leadershipStaff").asInt()).isEqualTo(6);
        assertThat(unit.path("duties").path("edges").valueStream().map(d -> d.path("node").path("id").asString()))
                .contains("d-yjj-01", "d-yjj-02");
        assertThat(unit.path("supervisors").valueStream().map(s -> s.path("kind").asString() + ":" + s.path("post").path("id").asString()))
                .containsExactlyInAnyOrder("PRINCIPAL:yjj-head", "IN_CHARGE:gov-vm2");
    }

    @Test
    void aVacantPostShowsItsBackupAndItsChainsToTheTop() {
        var post = query("""
                { post(id: "mzj-jz-2") { label vacant holders { name } backup { id vacant } backupFor { id }
                    unit { id } reportsTo { id } reportsToChain { id }
                    supervisoryChain { via post { id } } } }""").path("post");
        assertThat(post.path("vacant").asBoolean()).isTrue();
        assertThat(post.path("holders").size()).isZero();
        assertThat(post.path("backup").path("id").asString()).isEqualTo("mzj-jz-1");
        assertThat(post.path("backup").path("vacant").asBoolean()).isFalse();
        assertThat(post.path("reportsToChain").valueStream().map(p -> p.path("id").asString()))
                .containsExactly("mzj-jz-head", "mzj-dep2", "mzj-head", "gov-vm4", "gov-mayor");
        assertThat(post.path("supervisoryChain").valueStream().map(l -> l.path("via").asString() + ":" + l.path("post").path("id").asString()))
                .containsExactly("REPORTS_TO:mzj-jz-head", "REPORTS_TO:mzj-dep2", "REPORTS_TO:mzj-head",
                        "REPORTS_TO:gov-vm4", "REPORTS_TO:gov-mayor");
    }

    @Test
    void withoutReportsToTheChainGoesThroughUnitHeadsAndSupervisors() {
        importBundle("""
                {"format": "org-bundle/1",
                 "posts": [{"id": "zwzx-extra", "label": "导办岗", "organization_id": "zwzx", "role": "staff"}]}""");
        var chain = query("{ post(id: \"zwzx-extra\") { supervisoryChain { via post { id } } } }")
                .path("post").path("supervisoryChain");
        assertThat(chain.valueStream().map(l -> l.path("via").asString() + ":" + l.path("post").path("id").asString()))
                .containsExactly("UNIT_HEAD:zwzx-head", "REPORTS_TO:gov-vm1", "REPORTS_TO:gov-mayor");
    }

    @Test
    void dutiesByConceptIncludeNarrowerConcepts() {
        var ids = dutyIds("{ duties(filter: {conceptId: \"obj.mine\"}) { edges { node { id } } } }");
        assertThat(ids).contains("d-zrzy-kc-1-01", "d-yjj-fm-1-01", "d-gxq-aj-1-01").doesNotContain("d-yjj-wh-1-01");
        var narrow = dutyIds("{ duties(filter: {conceptId: \"obj.noncoal\"}) { edges { node { id } } } }");
        assertThat(narrow).contains("d-yjj-fm-1-01").doesNotContain("d-zrzy-kc-1-01");
    }

    @Test
    void dutiesByAreaIncludeContainedAreasAndInheritTheHoldersArea() {
        var ids = dutyIds("{ duties(filter: {areaId: \"qs-dc-cy\"}, first: 100) { edges { node { id } } } }");
        assertThat(ids).contains("d-cyjd-cs-1-01", "d-cyjd-cy-zz-1-01", "d-gxq-aj-1-01")
                .doesNotContain("d-yjj-fm-1-01");
        var zoneDuty = query("{ duty(id: \"d-gxq-aj-1-01\") { area { id } holderUnit { id } } }").path("duty");
        assertThat(zoneDuty.path("area").path("id").asString()).isEqualTo("qs-gx");
        var inherited = query("{ duty(id: \"d-yjj-fm-1-01\") { area { id } } }").path("duty");
        assertThat(inherited.path("area").path("id").asString()).isEqualTo("qs");
    }

    @Test
    void dutiesByHolderIncludeTheUnitsPosts() {
        var ids = dutyIds("{ duties(filter: {holderId: \"yjj-fm\"}) { edges { node { id } } } }");
        assertThat(ids).contains("d-yjj-fm-1-01", "d-yjj-fm-2-01", "d-yjj-fm-head-01");
        var combined = dutyIds("{ duties(filter: {holderId: \"yjj-fm\", conceptId: \"act.license\"}) { edges { node { id } } } }");
        assertThat(combined).containsExactly("d-yjj-fm-2-01");
    }

    @Test
    void fullTextSearchFindsChineseWording() {
        var hits = query("{ searchDuties(text: \"非煤矿山\") { edges { score node { id text } } } }")
                .path("searchDuties").path("edges");
        assertThat(hits.valueStream().map(h -> h.path("node").path("id").asString()))
                .contains("d-yjj-fm-1-01", "d-yjj-fm-2-01", "d-gxq-aj-1-01");
        assertThat(hits.path(0).path("node").path("text").asString()).contains("非煤矿山");
    }

    @Test
    void powerItemsShowTheirHoldersAndUnheldItemsHaveNone() {
        var items = query("{ powerItems(filter: {category: REWARD}) { edges { node { name holders { __typename } } } } }")
                .path("powerItems").path("edges");
        assertThat(items.valueStream().filter(e -> e.path("node").path("name").asString().equals("见义勇为人员表彰奖励")))
                .singleElement().satisfies(e -> assertThat(e.path("node").path("holders").size()).isZero());
        var byHolder = query("{ powerItems(filter: {holderId: \"yjj-fm\"}) { edges { node { id category holders { ... on Post { id } } } } } }")
                .path("powerItems").path("edges");
        assertThat(byHolder.size()).isEqualTo(1);
        assertThat(byHolder.path(0).path("node").path("holders").path(0).path("id").asString()).isEqualTo("yjj-fm-1");
    }

    @Test
    void nestedListsAreBatchLoaded() {
        var before = queriesRun();
        query("""
                { units(filter: {parentId: "gov"}, first: 23) { edges { node { id area { id } parent { id }
                    staffing { posts } supervisors { post { id } }
                    posts(first: 5) { edges { cursor } } duties(first: 5) { edges { cursor } } } } } }""");
        // posts' and duties' own fields, from roots that reach many of them (the request depth limit is 6)
        query("""
                { powerItems(first: 100) { edges { node { holders { ... on Post { id holders { id } backup { id } unit { id } } } } } }
                  duties(filter: {areaId: "qs"}, first: 100) { edges { node { id holder { __typename } objects { id } area { id } } } } }""");
        // one query per field level, whatever the number of parents (23 units, ~100 posts, 100 duties)
        assertThat(queriesRun() - before).isLessThan(27);
    }

    /** Sessions opened so far; the API opens one per batched read. */
    private long queriesRun() {
        return org.dutygraph.support.SessionCounter.opened();
    }

    private java.util.List<String> dutyIds(String document) {
        return query(document).path("duties").path("edges").valueStream()
                .map(e -> e.path("node").path("id").asString()).toList();
    }
}
