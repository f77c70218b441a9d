package org.dutygraph.cases.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.dutygraph.cases.CaseCaller;
import org.dutygraph.cases.CaseOffices;
import org.dutygraph.cases.CaseOpenings;
import org.dutygraph.cases.CaseProcedure;
import org.dutygraph.cases.CaseReads;
import org.dutygraph.cases.CaseViews;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.Statement;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.cases.Catalogue;
import org.dutygraph.cases.PostCatalogues;
import org.dutygraph.cases.SituationCatalogues;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Accountability cases and the situation catalogue. See cases.graphqls. */
@Controller
class CasesController {

    record TemplateView(Object definition) {}

    record SituationView(
            String code,
            String wording,
            List<String> kinds,
            List<String> complaintCategories,
            List<String> checklistCodes,
            List<String> appraisalEvents,
            List<String> eSupervisionRules,
            String measureFrom,
            String measureTo,
            boolean suspendFirst,
            List<String> bindingConcepts,
            List<String> bindingPowerItemCategories,
            List<String> bindingDutyIds,
            List<String> bindingPowerItemIds) {}

    record AreaView(String code, String name, List<SituationView> situations) {}

    record CatalogueView(
            int version,
            String name,
            LocalDate validFrom,
            Object definition,
            List<String> openDirectly,
            List<AreaView> areas,
            String createdBy,
            OffsetDateTime createdAt) {}

    record SaveCatalogueInput(LocalDate validFrom, Object definition) {}

    record SaveCataloguePayload(CatalogueView catalogue, List<UserError> errors) {}

    record OpenCaseInput(
            String channel,
            String reference,
            String summary,
            String postId,
            String badgeNumber,
            LocalDate actDate,
            String situationCode,
            LocalDate unitMissedDeadline) {}

    record CasePayload(CaseView accountabilityCase, List<UserError> errors) {}

    record PostItemView(CaseViews.SituationRef situation, String dutyId, String dutyText, String because, String via) {}

    record PostItemsView(
            CaseViews.Named post, CaseViews.Named unit, Integer catalogueVersion, List<PostItemView> items) {}

    record StatementInput(String caseId, String text) {}

    record AppealInput(String caseId, String grounds) {}

    private final SituationCatalogues catalogues;
    private final CaseOpenings openings;
    private final CaseProcedure procedure;
    private final CaseReads reads;
    private final CaseCallers callers;
    private final CaseOffices offices;
    private final PostCatalogues posts;
    private final Messages messages;
    private final Clock clock;

    CasesController(
            SituationCatalogues catalogues,
            CaseOpenings openings,
            CaseProcedure procedure,
            CaseReads reads,
            CaseCallers callers,
            CaseOffices offices,
            PostCatalogues posts,
            Messages messages,
            Clock clock) {
        this.catalogues = catalogues;
        this.openings = openings;
        this.procedure = procedure;
        this.reads = reads;
        this.callers = callers;
        this.offices = offices;
        this.posts = posts;
        this.messages = messages;
        this.clock = clock;
    }

    @QueryMapping
    TemplateView accountabilityCatalogueTemplate() {
        offices.requireOffice(caller());
        return new TemplateView(catalogues.template());
    }

    @QueryMapping
    Connection<CatalogueView> accountabilityCatalogues(@Argument Integer first, @Argument String after) {
        boolean office = offices.isOffice(caller());
        return Connection.page(
                first,
                after,
                (cursor, limit) -> office
                        ? catalogues.page(version(cursor), limit).stream()
                                .map(CasesController::view)
                                .toList()
                        : List.<CatalogueView>of(),
                v -> String.valueOf(v.version()));
    }

    /** The version a catalogue cursor holds; a cursor that is not one is bad input on 'after'. */
    private static Integer version(String cursor) {
        if (cursor == null) {
            return null;
        }
        if (!cursor.matches("\\d{1,9}")) {
            throw new BadInputException("after", "INVALID_CURSOR", Text.of(PlatformTexts.NOT_OUR_CURSOR, "after"));
        }
        return Integer.valueOf(cursor);
    }

    @QueryMapping
    CatalogueView accountabilityCatalogue(@Argument LocalDate on, @Argument Integer version) {
        if (!offices.isOffice(caller())) {
            return null;
        }
        var found = version != null
                ? catalogues.version(version)
                : catalogues.inForce(on != null ? on : LocalDate.now(clock));
        return found.map(CasesController::view).orElse(null);
    }

    @MutationMapping
    SaveCataloguePayload saveAccountabilityCatalogue(@Argument SaveCatalogueInput input) {
        var caller = caller();
        offices.requireOffice(caller);
        var saved = catalogues.save(
                input.definition(),
                input.validFrom() == null ? null : input.validFrom().toString(),
                caller.username());
        return new SaveCataloguePayload(saved.catalogue() == null ? null : view(saved.catalogue()), saved.errors());
    }

    @QueryMapping
    Connection<CaseView> accountabilityCases(
            @Argument CaseReads.Filter filter, @Argument Integer first, @Argument String after) {
        var caller = caller();
        return Connection.page(
                first, after, (cursor, limit) -> reads.page(caller, filter, cursor, limit), CaseView::key);
    }

    @QueryMapping
    CaseView accountabilityCase(@Argument String id) {
        return reads.one(caller(), id).orElse(null);
    }

    @QueryMapping
    Connection<CaseView> myAccountabilityCases(@Argument Integer first, @Argument String after) {
        var caller = caller();
        return Connection.page(first, after, (cursor, limit) -> reads.mine(caller, cursor, limit), CaseView::key);
    }

    @QueryMapping
    PostItemsView postAccountabilityItems(@Argument String postId) {
        return posts.ofPost(caller(), postId).map(CasesController::view).orElse(null);
    }

    @QueryMapping
    Connection<PostItemsView> unitAccountabilityItems(
            @Argument String unitId, @Argument Integer first, @Argument String after) {
        var caller = caller();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> posts.ofUnit(caller, unitId, cursor, limit).stream()
                        .map(CasesController::view)
                        .toList(),
                p -> p.post().id());
    }

    @QueryMapping
    String accountabilityCatalogueDocument(@Argument String unitId, java.util.Locale locale) {
        var language = Languages.of(locale);
        return posts.document(caller(), unitId, text -> messages.render(text, language));
    }

    @MutationMapping
    CasePayload openAccountabilityCase(@Argument OpenCaseInput input) {
        var opened = openings.openByHand(
                caller(),
                new CaseOpenings.ByHand(
                        input.channel(),
                        input.reference(),
                        input.summary(),
                        input.postId(),
                        input.badgeNumber(),
                        input.actDate(),
                        input.situationCode(),
                        input.unitMissedDeadline()));
        return new CasePayload(opened.acase(), opened.errors());
    }

    @MutationMapping
    CasePayload advanceAccountabilityCase(@Argument CaseProcedure.Advance input) {
        var result = procedure.advance(caller(), input);
        return new CasePayload(result.acase(), result.errors());
    }

    @MutationMapping
    CasePayload submitCaseStatement(@Argument StatementInput input) {
        var result = procedure.statement(caller(), input.caseId(), input.text());
        return new CasePayload(result.acase(), result.errors());
    }

    @MutationMapping
    CasePayload appealAccountabilityCase(@Argument AppealInput input) {
        var result = procedure.appeal(caller(), input.caseId(), input.grounds());
        return new CasePayload(result.acase(), result.errors());
    }

    @BatchMapping(typeName = "AccountabilityCase")
    Map<CaseView, List<Step>> steps(List<CaseView> cases) {
        return reads.steps(cases);
    }

    @BatchMapping(typeName = "AccountabilityCase")
    Map<CaseView, List<Statement>> statements(List<CaseView> cases) {
        return reads.statements(cases);
    }

    private CaseCaller caller() {
        return callers.current();
    }

    private static CatalogueView view(SituationCatalogues.Version v) {
        var areas = v.catalogue().areas().stream()
                .map(a -> new AreaView(
                        a.code(),
                        a.name(),
                        a.situations().stream().map(CasesController::view).toList()))
                .toList();
        return new CatalogueView(
                v.version(),
                v.name(),
                LocalDate.parse(v.validFrom()),
                v.definition(),
                v.catalogue().openDirectly().stream().sorted().toList(),
                areas,
                v.createdBy(),
                v.createdAt());
    }

    private static PostItemsView view(PostCatalogues.PostItems p) {
        var items = p.items().stream()
                .map(i -> {
                    var s = i.situation();
                    var ref = new CaseViews.SituationRef(
                            p.catalogueVersion(),
                            s.code(),
                            s.area(),
                            s.wording(),
                            s.measureFrom(),
                            s.measureTo(),
                            s.suspendFirst());
                    return new PostItemView(ref, i.dutyId(), i.dutyText(), i.because(), i.via());
                })
                .toList();
        return new PostItemsView(
                new CaseViews.Named(p.post().id(), p.post().label()),
                new CaseViews.Named(p.post().unitId(), p.post().unitName()),
                p.catalogueVersion(),
                items);
    }

    private static SituationView view(Catalogue.Situation s) {
        var src = s.sources();
        return new SituationView(
                s.code(),
                s.wording(),
                s.kinds(),
                src.complaintCategories(),
                src.checklistCodes(),
                src.appraisalEvents(),
                src.eSupervisionRules(),
                s.measureFrom(),
                s.measureTo(),
                s.suspendFirst(),
                s.bindings().concepts(),
                s.bindings().powerItemCategories(),
                s.bindings().dutyIds(),
                s.bindings().powerItemIds());
    }
}
