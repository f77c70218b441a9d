package org.dutygraph.org.api;

import static org.dutygraph.platform.graphql.BatchResults.byKey;
import static org.dutygraph.platform.graphql.BatchResults.each;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.SupervisoryChain;
import org.dutygraph.org.read.Views.ChainLinkView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.MembershipView;
import org.dutygraph.org.read.Views.PersonView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.SupervisionView;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.PageKey;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Fields of Post, Person, Membership and Supervision, batch loaded. */
@Controller
class PostFieldsController {

    private final OrgReadStore graph;
    private final SupervisoryChain chains;

    PostFieldsController(OrgReadStore graph, SupervisoryChain chains, BatchLoaderRegistry loaders) {
        this.graph = graph;
        this.chains = chains;
        // Post.holders and Post.vacant share one load of the current holders per request
        loaders.<String, List<PersonView>>forName("postHolders")
                .registerMappedBatchLoader((ids, env) -> Mono.just(graph.currentHolders(ids)));
        loaders.<PageKey, Connection<DutyView>>forName("postDuties")
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.just(PageKey.load(keys, graph::postDutyPages, DutyView::id)));
    }

    @BatchMapping(typeName = "Post", field = "unit")
    Map<PostView, UnitView> postUnit(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.unitsOfPosts(ids(posts)));
    }

    @SchemaMapping(typeName = "Post")
    CompletableFuture<List<PersonView>> holders(PostView post, DataLoader<String, List<PersonView>> postHolders) {
        return postHolders.load(post.id());
    }

    @SchemaMapping(typeName = "Post")
    CompletableFuture<Boolean> vacant(PostView post, DataLoader<String, List<PersonView>> postHolders) {
        return postHolders.load(post.id()).thenApply(List::isEmpty);
    }

    @BatchMapping(typeName = "Post", field = "memberships")
    Map<PostView, List<MembershipView>> postMemberships(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.membershipsOfPosts(ids(posts)));
    }

    @BatchMapping(typeName = "Post")
    Map<PostView, PostView> backup(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.relatedPost(ids(posts), "BACKED_UP_BY"));
    }

    @BatchMapping(typeName = "Post")
    Map<PostView, List<PostView>> backupFor(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.backupFor(ids(posts)));
    }

    @BatchMapping(typeName = "Post")
    Map<PostView, PostView> reportsTo(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.relatedPost(ids(posts), "REPORTS_TO"));
    }

    /** A walk of several steps per post; asked for one post at a time (a post page), not in lists. */
    @SchemaMapping(typeName = "Post")
    List<PostView> reportsToChain(PostView post) {
        return graph.reportsToChain(post.id());
    }

    @SchemaMapping(typeName = "Post")
    List<ChainLinkView> supervisoryChain(PostView post) {
        return chains.of(post.id());
    }

    @BatchMapping(typeName = "Post")
    Map<PostView, List<SupervisionView>> supervises(List<PostView> posts) {
        return byKey(posts, PostView::id, graph.supervisionByPosts(ids(posts)));
    }

    @SchemaMapping(typeName = "Post", field = "duties")
    CompletableFuture<Connection<DutyView>> postDuties(
            PostView post,
            @Argument Integer first,
            @Argument String after,
            DataLoader<PageKey, Connection<DutyView>> postDuties) {
        return postDuties.load(PageKey.of(post.id(), first, after));
    }

    @BatchMapping(typeName = "Person", field = "memberships")
    Map<PersonView, List<MembershipView>> personMemberships(List<PersonView> persons) {
        return byKey(
                persons,
                PersonView::id,
                graph.membershipsOfPersons(
                        persons.stream().map(PersonView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "Person")
    Map<PersonView, List<PostView>> currentPosts(List<PersonView> persons) {
        var memberships = graph.membershipsOfPersons(
                persons.stream().map(PersonView::id).distinct().toList());
        var postIds = memberships.values().stream()
                .flatMap(List::stream)
                .filter(MembershipView::current)
                .map(MembershipView::postId)
                .distinct()
                .toList();
        var posts = graph.posts(postIds);
        return each(
                persons,
                p -> memberships.getOrDefault(p.id(), List.of()).stream()
                        .filter(MembershipView::current)
                        .map(m -> posts.get(m.postId()))
                        .toList());
    }

    @BatchMapping(typeName = "Membership", field = "person")
    Map<MembershipView, PersonView> membershipPerson(List<MembershipView> memberships) {
        var persons = graph.persons(
                memberships.stream().map(MembershipView::personId).distinct().toList());
        return byKey(memberships, MembershipView::personId, persons);
    }

    @BatchMapping(typeName = "Membership", field = "post")
    Map<MembershipView, PostView> membershipPost(List<MembershipView> memberships) {
        var posts = graph.posts(
                memberships.stream().map(MembershipView::postId).distinct().toList());
        return byKey(memberships, MembershipView::postId, posts);
    }

    @BatchMapping(typeName = "Supervision", field = "post")
    Map<SupervisionView, PostView> supervisingPost(List<SupervisionView> supervision) {
        var posts = graph.posts(
                supervision.stream().map(SupervisionView::postId).distinct().toList());
        return byKey(supervision, SupervisionView::postId, posts);
    }

    @BatchMapping(typeName = "Supervision", field = "unit")
    Map<SupervisionView, UnitView> supervisedUnit(List<SupervisionView> supervision) {
        var units = graph.units(
                supervision.stream().map(SupervisionView::unitId).distinct().toList());
        return byKey(supervision, SupervisionView::unitId, units);
    }

    @SchemaMapping(typeName = "Supervision")
    String kind(SupervisionView supervision) {
        return supervision.kind().toUpperCase();
    }

    private static List<String> ids(List<PostView> posts) {
        return posts.stream().map(PostView::id).distinct().toList();
    }
}
