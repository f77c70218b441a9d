package org.dutygraph.org.api;

import static org.dutygraph.platform.graphql.BatchResults.byKey;

import java.util.List;
import java.util.Map;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.AreaView;
import org.dutygraph.org.read.Views.ConceptView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.UnitView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Fields of Duty, PowerItem, Concept and Area, batch loaded. */
@Controller
class DutyFieldsController {

    private final OrgReadStore graph;

    DutyFieldsController(OrgReadStore graph) {
        this.graph = graph;
    }

    @BatchMapping(typeName = "Duty")
    Map<DutyView, Object> holder(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.dutyHolders(ids(duties)));
    }

    @BatchMapping(typeName = "Duty")
    Map<DutyView, UnitView> holderUnit(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.holderUnits(ids(duties)));
    }

    @BatchMapping(typeName = "Duty")
    Map<DutyView, ConceptView> action(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.actions(ids(duties)));
    }

    @BatchMapping(typeName = "Duty")
    Map<DutyView, List<ConceptView>> objects(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.objects(ids(duties)));
    }

    @BatchMapping(typeName = "Duty", field = "area")
    Map<DutyView, AreaView> dutyArea(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.effectiveAreas(ids(duties)));
    }

    @BatchMapping(typeName = "Duty", field = "powerItems")
    Map<DutyView, List<PowerItemView>> dutyPowerItems(List<DutyView> duties) {
        return byKey(duties, DutyView::id, graph.powerItemsOfDuties(ids(duties)));
    }

    @BatchMapping(typeName = "PowerItem", field = "duties")
    Map<PowerItemView, List<DutyView>> powerItemDuties(List<PowerItemView> items) {
        return byKey(
                items,
                PowerItemView::id,
                graph.dutiesOfPowerItems(
                        items.stream().map(PowerItemView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "PowerItem", field = "holders")
    Map<PowerItemView, List<Object>> powerItemHolders(List<PowerItemView> items) {
        return byKey(
                items,
                PowerItemView::id,
                graph.holdersOfPowerItems(
                        items.stream().map(PowerItemView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "Concept", field = "broader")
    Map<ConceptView, ConceptView> broader(List<ConceptView> concepts) {
        return byKey(
                concepts,
                ConceptView::id,
                graph.broader(concepts.stream().map(ConceptView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "Concept", field = "narrower")
    Map<ConceptView, List<ConceptView>> narrower(List<ConceptView> concepts) {
        return byKey(
                concepts,
                ConceptView::id,
                graph.narrower(concepts.stream().map(ConceptView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "Area", field = "parent")
    Map<AreaView, AreaView> parentArea(List<AreaView> areas) {
        return byKey(
                areas,
                AreaView::id,
                graph.parentAreas(areas.stream().map(AreaView::id).distinct().toList()));
    }

    @BatchMapping(typeName = "Area", field = "children")
    Map<AreaView, List<AreaView>> childAreas(List<AreaView> areas) {
        return byKey(
                areas,
                AreaView::id,
                graph.childAreas(areas.stream().map(AreaView::id).distinct().toList()));
    }

    private static List<String> ids(List<DutyView> duties) {
        return duties.stream().map(DutyView::id).distinct().toList();
    }
}
