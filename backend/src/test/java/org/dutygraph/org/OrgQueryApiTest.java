package org.dutygraph.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.dutygraph.support.ApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The organisation queries restructuring teams use, over the demo city, through one tester for the analyst role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgQueryApiTest extends ApiTest {

    @BeforeAll
    void demoCity() {
        wipeGraph();
        importBundle(BundleImportApiTest.DEMO);
    }

    private HttpGraphQlTester analyst;

    @BeforeEach
    void analyst() {
        analyst = tester("analyst");
    }

    private GraphQlTester.Response query(String document) {
        return analyst.document(document).execute();
    }

    @Test
    void theUnitTreeStartsAtTheGovernmentAndPagesThroughChildren() {
        query("{ units { edges { node { id name } } } }")
                .path("units.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("gov");

        var page1 = query("""
                { unit(id: "gov") { children(first: 10) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }""");
        var firstIds = page1.path("unit.children.edges[*].node.id")
                .entityList(String.class)
                .hasSize(10)
                .get();
        page1.path("unit.children.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var cursor = page1.path("unit.children.pageInfo.endCursor")
                .entity(String.class)
                .get();

        var page2 = analyst.document("""
                        query($c: String) { unit(id: "gov") { children(first: 100, after: $c) {
                          edges { node { id } } pageInfo { hasNextPage } } } }""").variable("c", cursor).execute();
        page2.path("unit.children.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        var secondIds = page2.path("unit.children.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(firstIds.size() + secondIds.size()).isEqualTo(24);
        assertThat(secondIds.get(0)).isGreaterThan(firstIds.get(9));
    }

    @Test
    void aUnitPageShowsSectionsPostsHoldersDutiesAndStaffing() {
        var unit = query("""
                { unit(id: "yjj") { name classification area { id } parent { id } ancestors { id }
                    sections { id name }
                    posts { edges { node { id label holders { name } vacant } } }
                    duties(first: 100) { edges { node { id text } } }
                    staffing { quota leadershipPositions posts filledPosts vacantPosts staff leadershipStaff overQuota }
                    supervisors { kind post { id } } } }""");
        unit.path("unit.name").entity(String.class).isEqualTo("青山市应急管理局");
        unit.path("unit.area.id").entity(String.class).isEqualTo("qs");
        unit.path("unit.ancestors[*].id").entityList(String.class).containsExactly("gov");
        unit.path("unit.sections[*].name").entityList(String.class).containsExactly("办公室", "非煤矿山安全监管科", "危险化学品安全监管科");
        unit.path("unit.posts.edges").entityList(Object.class).hasSize(3);
        unit.path("unit.staffing.quota").entity(Integer.class).isEqualTo(45);
        // 3 leaders in the bureau + 3 section heads + 4 staff posts, all filled
        unit.path("unit.staffing.posts").entity(Integer.class).isEqualTo(10);
        unit.path("unit.staffing.filledPosts").entity(Integer.class).isEqualTo(10);
        unit.path("unit.staffing.vacantPosts").entity(Integer.class).isEqualTo(0);
        unit.path("unit.staffing.leadershipStaff").entity(Integer.class).isEqualTo(6);
        unit.path("unit.duties.edges[*].node.id").entityList(String.class).contains("d-yjj-01", "d-yjj-02");
        assertThat(links(unit, "unit.supervisors", "kind"))
                .containsExactlyInAnyOrder("PRINCIPAL:yjj-head", "IN_CHARGE:gov-vm2");
    }

    @Test
    void aVacantPostShowsItsBackupAndItsChainsToTheTop() {
        var post = query("""
                { post(id: "mzj-jz-2") { label vacant holders { name } backup { id vacant } backupFor { id }
                    unit { id } reportsTo { id } reportsToChain { id }
                    supervisoryChain { via post { id } } } }""");
        post.path("post.vacant").entity(Boolean.class).isEqualTo(true);
        post.path("post.holders").entityList(Object.class).hasSize(0);
        post.path("post.backup.id").entity(String.class).isEqualTo("mzj-jz-1");
        post.path("post.backup.vacant").entity(Boolean.class).isEqualTo(false);
        post.path("post.reportsToChain[*].id")
                .entityList(String.class)
                .containsExactly("mzj-jz-head", "mzj-dep2", "mzj-head", "gov-vm4", "gov-mayor");
        assertThat(links(post, "post.supervisoryChain", "via"))
                .containsExactly(
                        "REPORTS_TO:mzj-jz-head",
                        "REPORTS_TO:mzj-dep2",
                        "REPORTS_TO:mzj-head",
                        "REPORTS_TO:gov-vm4",
                        "REPORTS_TO:gov-mayor");
    }

    @Test
    void withoutReportsToTheChainGoesThroughUnitHeadsAndSupervisors() {
        importBundle("""
                {"format": "org-bundle/1",
                 "posts": [{"id": "zwzx-extra", "label": "导办岗", "organization_id": "zwzx", "role": "staff"}]}""");
        var chain = query("{ post(id: \"zwzx-extra\") { supervisoryChain { via post { id } } } }");
        assertThat(links(chain, "post.supervisoryChain", "via"))
                .containsExactly("UNIT_HEAD:zwzx-head", "REPORTS_TO:gov-vm1", "REPORTS_TO:gov-mayor");
    }

    @Test
    void dutiesByConceptIncludeNarrowerConcepts() {
        dutyIds("{ duties(filter: {conceptId: \"obj.mine\"}) { edges { node { id } } } }")
                .contains("d-zrzy-kc-1-01", "d-yjj-fm-1-01", "d-gxq-aj-1-01")
                .doesNotContain("d-yjj-wh-1-01");
        dutyIds("{ duties(filter: {conceptId: \"obj.noncoal\"}) { edges { node { id } } } }")
                .contains("d-yjj-fm-1-01")
                .doesNotContain("d-zrzy-kc-1-01");
    }

    @Test
    void dutiesByAreaIncludeContainedAreasAndInheritTheHoldersArea() {
        dutyIds("{ duties(filter: {areaId: \"qs-dc-cy\"}, first: 100) { edges { node { id } } } }")
                .contains("d-cyjd-cs-1-01", "d-cyjd-cy-zz-1-01", "d-gxq-aj-1-01")
                .doesNotContain("d-yjj-fm-1-01");
        query("{ duty(id: \"d-gxq-aj-1-01\") { area { id } holderUnit { id } } }")
                .path("duty.area.id")
                .entity(String.class)
                .isEqualTo("qs-gx");
        query("{ duty(id: \"d-yjj-fm-1-01\") { area { id } } }")
                .path("duty.area.id")
                .entity(String.class)
                .isEqualTo("qs");
    }

    @Test
    void dutiesByHolderIncludeTheUnitsPosts() {
        dutyIds("{ duties(filter: {holderId: \"yjj-fm\"}) { edges { node { id } } } }")
                .contains("d-yjj-fm-1-01", "d-yjj-fm-2-01", "d-yjj-fm-head-01");
        dutyIds("{ duties(filter: {holderId: \"yjj-fm\", conceptId: \"act.license\"}) { edges { node { id } } } }")
                .containsExactly("d-yjj-fm-2-01");
    }

    @Test
    void fullTextSearchFindsChineseWording() {
        var hits = query("{ searchDuties(text: \"非煤矿山\") { edges { score node { id text } } } }");
        hits.path("searchDuties.edges[*].node.id")
                .entityList(String.class)
                .contains("d-yjj-fm-1-01", "d-yjj-fm-2-01", "d-gxq-aj-1-01");
        hits.path("searchDuties.edges[0].node.text")
                .entity(String.class)
                .satisfies(t -> assertThat(t).contains("非煤矿山"));
    }

    /** Issue 18 item 10: searchDuties pages by keyset (score, id) like every other list; pages join up exactly. */
    @Test
    void searchDutiesPagesByKeysetAndThePagesAddUpToTheWholeList() {
        var whole = query("{ searchDuties(text: \"矿山\", first: 100) { edges { node { id } } } }")
                .path("searchDuties.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(whole).hasSizeGreaterThan(2);
        var paged = new java.util.ArrayList<String>();
        String after = null;
        for (int i = 0; i < whole.size() + 1; i++) {
            var page = analyst.document("""
                            query($a: String) { searchDuties(text: "矿山", first: 2, after: $a) {
                              edges { node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }""").variable("a", after).execute();
            paged.addAll(page.path("searchDuties.edges[*].node.id")
                    .entityList(String.class)
                    .get());
            page.path("searchDuties.pageInfo.hasPreviousPage")
                    .entity(Boolean.class)
                    .isEqualTo(after != null);
            if (!page.path("searchDuties.pageInfo.hasNextPage")
                    .entity(Boolean.class)
                    .get()) {
                break;
            }
            after = page.path("searchDuties.pageInfo.endCursor")
                    .entity(String.class)
                    .get();
        }
        assertThat(paged).isEqualTo(whole);
    }

    /** Issue 18 item 10: a cursor reveals no id, and a cursor changed by the client is refused, not obeyed. */
    @Test
    void cursorsAreOpaqueAndATamperedOneIsRefused() {
        var cursor = query("{ units { edges { cursor node { id } } } }")
                .path("units.edges[0].cursor")
                .entity(String.class)
                .get();
        var decoded = new String(
                java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(decoded).doesNotContain("gov");
        assertThat(cursor).doesNotContain("Z292"); // "gov" in base64
        var tampered = cursor.substring(0, cursor.length() - 2) + (cursor.endsWith("A") ? "BB" : "AA");
        var error = as("analyst")
                .post("query($a: String) { units(after: $a) { edges { cursor } } }", java.util.Map.of("a", tampered))
                .errors()
                .get(0);
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.path("extensions").path("reason").asString()).isEqualTo("INVALID_CURSOR");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("after");
        var forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("gov".getBytes());
        assertThat(as("analyst")
                        .post(
                                "query($a: String) { units(after: $a) { edges { cursor } } }",
                                java.util.Map.of("a", forged))
                        .firstErrorCode())
                .isEqualTo("BAD_USER_INPUT");
    }

    /** Issue 18: a cursor belongs to its list; one from another list, or the same list asked otherwise, is refused. */
    @Test
    void aCursorOfAnotherListIsRefusedOnAfter() {
        var unitCursor = query("{ units(first: 1) { pageInfo { endCursor } } }")
                .path("units.pageInfo.endCursor")
                .entity(String.class)
                .get();
        var searchCursor = query("{ searchDuties(text: \"矿山\", first: 1) { pageInfo { endCursor } } }")
                .path("searchDuties.pageInfo.endCursor")
                .entity(String.class)
                .get();
        var edgeCursor = query("{ searchDuties(text: \"矿山\", first: 1) { edges { cursor } } }")
                .path("searchDuties.edges[0].cursor")
                .entity(String.class)
                .get();
        assertThat(edgeCursor).isEqualTo(searchCursor);
        var elsewhere = java.util.Map.of(
                "query($a: String) { powerItems(after: $a) { edges { cursor } } }", unitCursor,
                "query($a: String) { duties(filter: {holderId: \"yjj-fm\"}, after: $a) { edges { cursor } } }",
                        unitCursor,
                "query($a: String) { units(after: $a) { edges { cursor } } }", searchCursor,
                "query($a: String) { searchDuties(text: \"非煤矿山\", after: $a) { edges { cursor } } }", searchCursor);
        elsewhere.forEach((document, cursor) -> {
            var error = as("analyst")
                    .post(document, java.util.Map.of("a", cursor))
                    .errors()
                    .get(0);
            assertThat(error.path("extensions").path("reason").asString())
                    .as(document)
                    .isEqualTo("INVALID_CURSOR");
            assertThat(error.path("extensions").path("field").asString()).isEqualTo("after");
        });
        assertThat(as("analyst")
                        .post(
                                "query($a: String) { units(after: $a) { edges { cursor } } }",
                                java.util.Map.of("a", unitCursor))
                        .errors())
                .as("its own list still takes it")
                .isEmpty();
        assertThat(as("analyst")
                        .post(
                                "query($a: String) { searchDuties(text: \"矿山\", after: $a) { edges { cursor } } }",
                                java.util.Map.of("a", searchCursor))
                        .errors())
                .isEmpty();
    }

    /** Issue 18: a nested list's cursor belongs to the object it hangs off: one unit's posts cursor pages no other's. */
    @Test
    void aNestedListsCursorIsRefusedOnAnotherParentsList() {
        var cursor = query("{ unit(id: \"yjj\") { posts(first: 1) { pageInfo { endCursor } } } }")
                .path("unit.posts.pageInfo.endCursor")
                .entity(String.class)
                .get();
        var page =
                "query($id: ID!, $a: String) { unit(id: $id) { posts(first: 1, after: $a) { edges { node { id } } } } }";
        var other = as("analyst").post(page, java.util.Map.of("id", "gov", "a", cursor));
        var error = other.errors().get(0);
        assertThat(error.path("extensions").path("reason").asString())
                .as(other.body().toString())
                .isEqualTo("INVALID_CURSOR");
        assertThat(error.path("extensions").path("field").asString()).isEqualTo("after");
        assertThat(error.path("path").toString()).isEqualTo("[\"unit\",\"posts\"]");
        assertThat(as("analyst")
                        .post(page, java.util.Map.of("id", "yjj", "a", cursor))
                        .errors())
                .as("the same unit's posts still take it")
                .isEmpty();
    }

    /** Probe: first: 0 after a cursor answered endCursor null on nested lists and searchDuties (following it restarted). */
    @Test
    void anEmptyPageAfterACursorEndsWhereItBegan_onNestedListsAndSearch() {
        var posts = "query($a: String, $n: Int) { unit(id: \"yjj\") { posts(first: $n, after: $a) {"
                + " edges { node { id } } pageInfo { endCursor } } } }";
        var firstTwo = as("analyst").post(posts, java.util.Map.of("n", 2));
        var secondId = firstTwo.body()
                .path("data")
                .path("unit")
                .path("posts")
                .path("edges")
                .path(1)
                .path("node")
                .path("id")
                .asString();
        var cursor = as("analyst")
                .post(posts, java.util.Map.of("n", 1))
                .body()
                .path("data")
                .path("unit")
                .path("posts")
                .path("pageInfo")
                .path("endCursor")
                .asString();
        var empty = as("analyst").post(posts, java.util.Map.of("n", 0, "a", cursor));
        var endCursor = empty.body()
                .path("data")
                .path("unit")
                .path("posts")
                .path("pageInfo")
                .path("endCursor");
        assertThat(endCursor.isString()).as(empty.body().toString()).isTrue();
        var next = as("analyst").post(posts, java.util.Map.of("n", 1, "a", endCursor.asString()));
        assertThat(next.body()
                        .path("data")
                        .path("unit")
                        .path("posts")
                        .path("edges")
                        .path(0)
                        .path("node")
                        .path("id")
                        .asString())
                .as("following the empty page's endCursor goes on, not back to the start")
                .isEqualTo(secondId);

        var search = "query($a: String, $n: Int) { searchDuties(text: \"审批\", first: $n, after: $a) {"
                + " edges { node { id } } pageInfo { endCursor } } }";
        var searchCursor = as("analyst")
                .post(search, java.util.Map.of("n", 1))
                .body()
                .path("data")
                .path("searchDuties")
                .path("pageInfo")
                .path("endCursor")
                .asString();
        var emptySearch = as("analyst").post(search, java.util.Map.of("n", 0, "a", searchCursor));
        assertThat(emptySearch
                        .body()
                        .path("data")
                        .path("searchDuties")
                        .path("pageInfo")
                        .path("endCursor")
                        .isString())
                .as(emptySearch.body().toString())
                .isTrue();
    }

    @Test
    void powerItemsShowTheirHoldersAndUnheldItemsHaveNone() {
        var rewards =
                query("{ powerItems(filter: {category: REWARD}) { edges { node { name holders { __typename } } } } }");
        var unheld = "powerItems.edges[?(@.node.name == '见义勇为人员表彰奖励')].node";
        rewards.path(unheld + ".name").entityList(String.class).hasSize(1);
        rewards.path(unheld + ".holders[*]").entityList(Object.class).hasSize(0);
        var byHolder = query("""
                { powerItems(filter: {holderId: "yjj-fm"}) { edges { node { id category holders { ... on Post { id } } } } } }""");
        byHolder.path("powerItems.edges").entityList(Object.class).hasSize(1);
        byHolder.path("powerItems.edges[0].node.holders[0].id")
                .entity(String.class)
                .isEqualTo("yjj-fm-1");
    }

    @Test
    void nestedListsAreBatchLoaded() {
        var before = queriesRun();
        verified("""
                { units(filter: {parentId: "gov"}, first: 23) { edges { node { id area { id } parent { id }
                    staffing { posts } supervisors { post { id } }
                    posts(first: 5) { edges { cursor } } duties(first: 5) { edges { cursor } } } } } }""");
        // posts' and duties' own fields, from roots that reach many of them (the request depth limit is 6)
        verified("""
                { powerItems(first: 100) { edges { node { holders(first: 10) { ... on Post { id holders(first: 10) { id } backup { id } unit { id } } } } } }
                  duties(filter: {areaId: "qs"}, first: 100) { edges { node { id holder { __typename } objects(first: 10) { id } area { id } } } } }""");
        // one query per field level, whatever the number of parents (23 units, ~100 posts, 100 duties)
        assertThat(queriesRun() - before).isLessThan(27);
    }

    /** Round trips to the database so far (driver sessions, in-process transactions): one per batched read. */
    private long queriesRun() {
        return org.dutygraph.support.SessionCounter.roundTrips();
    }

    private void verified(String document) {
        query(document).errors().verify();
    }

    private GraphQlTester.EntityList<String> dutyIds(String document) {
        return query(document).path("duties.edges[*].node.id").entityList(String.class);
    }

    /** "kind:postId" (or "via:postId") for each element of a list of links to posts. */
    private static List<String> links(GraphQlTester.Response response, String path, String label) {
        var kinds =
                response.path(path + "[*]." + label).entityList(String.class).get();
        var posts = response.path(path + "[*].post.id").entityList(String.class).get();
        return IntStream.range(0, kinds.size())
                .mapToObj(i -> kinds.get(i) + ":" + posts.get(i))
                .toList();
    }
}
