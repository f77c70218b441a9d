package org.dutygraph.org.api;

import static org.dutygraph.platform.graphql.BatchResults.byKey;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataloader.DataLoader;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.AreaView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.StaffingView;
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

/** Fields of Unit; every one is batch loaded across the parents of one request. */
@Controller
class UnitFieldsController {

    private final OrgReadStore graph;

    UnitFieldsController(OrgReadStore graph, BatchLoaderRegistry loaders) {
        this.graph = graph;
        loaders.<PageKey, Connection<UnitView>>forName("unitChildren")
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.just(PageKey.load(keys, graph::childPages, UnitView::id)));
        loaders.<PageKey, Connection<PostView>>forName("unitPosts")
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.just(PageKey.load(keys, graph::postPages, PostView::id)));
        loaders.<PageKey, Connection<DutyView>>forName("unitDuties")
                .registerMappedBatchLoader(
                        (keys, env) -> Mono.just(PageKey.load(keys, graph::unitDutyPages, DutyView::id)));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, UnitView> parent(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.parents(ids(units)));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, AreaView> area(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.areasOfUnits(ids(units)));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, List<UnitView>> sections(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.sections(ids(units)));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, StaffingView> staffing(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.staffing(units));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, List<SupervisionView>> supervisors(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.supervisorsOfUnits(ids(units)));
    }

    @BatchMapping(typeName = "Unit")
    Map<UnitView, List<UnitView>> ancestors(List<UnitView> units) {
        return byKey(units, UnitView::id, graph.ancestors(ids(units)));
    }

    @SchemaMapping(typeName = "Unit")
    CompletableFuture<Connection<UnitView>> children(
            UnitView unit,
            @Argument Integer first,
            @Argument String after,
            DataLoader<PageKey, Connection<UnitView>> unitChildren) {
        return unitChildren.load(PageKey.of(unit.id(), first, after));
    }

    @SchemaMapping(typeName = "Unit")
    CompletableFuture<Connection<PostView>> posts(
            UnitView unit,
            @Argument Integer first,
            @Argument String after,
            DataLoader<PageKey, Connection<PostView>> unitPosts) {
        return unitPosts.load(PageKey.of(unit.id(), first, after));
    }

    @SchemaMapping(typeName = "Unit")
    CompletableFuture<Connection<DutyView>> duties(
            UnitView unit,
            @Argument Integer first,
            @Argument String after,
            DataLoader<PageKey, Connection<DutyView>> unitDuties) {
        return unitDuties.load(PageKey.of(unit.id(), first, after));
    }

    static List<String> ids(List<UnitView> units) {
        return units.stream().map(UnitView::id).distinct().toList();
    }
}
