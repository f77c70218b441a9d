package org.dutygraph.complaints.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.dutygraph.complaints.CaseHandling;
import org.dutygraph.complaints.CitizenCaseHistory;
import org.dutygraph.complaints.CitizenComplaints;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.complaints.ComplaintViews.AuditView;
import org.dutygraph.complaints.ComplaintViews.CitizenUnit;
import org.dutygraph.complaints.ComplaintViews.CitizenView;
import org.dutygraph.complaints.ComplaintViews.HandlerView;
import org.dutygraph.complaints.ComplaintViews.MessageView;
import org.dutygraph.complaints.ComplaintViews.PhotoLink;
import org.dutygraph.complaints.ComplaintViews.StatsView;
import org.dutygraph.complaints.ComplaintViews.StepView;
import org.dutygraph.complaints.ComplaintViews.SupersededOutcome;
import org.dutygraph.complaints.ComplaintViews.TimelineStep;
import org.dutygraph.complaints.ComplaintsQueries;
import org.dutygraph.complaints.PhotoLinks;
import org.dutygraph.complaints.ServiceRatings;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.conflicts.FindingStore;
import org.dutygraph.conflicts.FindingView;
import org.dutygraph.org.read.OrgReadStore;
import org.dutygraph.org.read.Views.UnitView;
import org.dutygraph.platform.graphql.BatchResults;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Complaints: the citizen's anonymous side and the case handlers' side. Who may call: see complaints.graphqls. */
@Controller
class ComplaintsController {

    private final CitizenComplaints citizens;
    private final CaseHandling handling;
    private final ComplaintsQueries queries;
    private final ServiceRatings ratings;
    private final HandlerScopes scopes;
    private final OrgReadStore graph;
    private final FindingStore findings;
    private final CitizenCaseHistory history;
    private final PhotoLinks photoLinks;
    private final Clock clock;

    ComplaintsController(
            CitizenComplaints citizens,
            CaseHandling handling,
            ComplaintsQueries queries,
            ServiceRatings ratings,
            HandlerScopes scopes,
            OrgReadStore graph,
            FindingStore findings,
            CitizenCaseHistory history,
            PhotoLinks photoLinks,
            Clock clock) {
        this.history = history;
        this.photoLinks = photoLinks;
        this.citizens = citizens;
        this.handling = handling;
        this.queries = queries;
        this.ratings = ratings;
        this.scopes = scopes;
        this.graph = graph;
        this.findings = findings;
        this.clock = clock;
    }

    record ContactInput(String name, String phone) {}

    record SubmitComplaintInput(
            String submissionId,
            ComplaintTarget target,
            String category,
            String description,
            OffsetDateTime occurredAt,
            String place,
            String areaId,
            List<String> photoIds,
            ContactInput contact) {}

    record SubmitComplaintPayload(CitizenView complaint, String receipt, List<UserError> errors) {}

    record ReplyToComplaintInput(String receipt, String body) {}

    record ReplyToComplaintPayload(MessageView message, List<UserError> errors) {}

    record FollowComplaintPushInput(
            String receipt, String token, String platform, boolean acceptLinkRisk, String locale) {}

    record FollowComplaintPushPayload(boolean following, String pushTag, List<UserError> errors) {}

    record RateServiceInput(String serviceCaseNumber, String unitId, String level, List<String> indicators) {}

    record RateServicePayload(boolean accepted, List<UserError> errors) {}

    record ComplaintFilter(List<String> statuses, String unitId, Boolean triageOnly, Boolean overdueOnly) {}

    record AdvanceComplaintPayload(HandlerView complaint, List<UserError> errors) {}

    record SendComplaintMessageInput(String id, String body) {}

    record SendComplaintMessagePayload(MessageView message, List<UserError> errors) {}

    @MutationMapping
    SubmitComplaintPayload submitComplaint(@Argument SubmitComplaintInput input) {
        var contact = input.contact();
        var result = citizens.submit(new CitizenComplaints.Submission(
                input.submissionId(),
                input.target(),
                input.category(),
                input.description(),
                input.occurredAt() == null ? null : input.occurredAt().toInstant(),
                input.place(),
                input.areaId(),
                input.photoIds(),
                contact == null ? null : contact.name(),
                contact == null ? null : contact.phone()));
        return new SubmitComplaintPayload(result.complaint(), result.receipt(), result.errors());
    }

    @QueryMapping
    CitizenView complaintByReceipt(@Argument String receipt) {
        return citizens.byReceipt(receipt).orElse(null);
    }

    @MutationMapping
    ReplyToComplaintPayload replyToComplaint(@Argument ReplyToComplaintInput input) {
        var result = citizens.reply(input.receipt(), input.body());
        return new ReplyToComplaintPayload(result.message(), result.errors());
    }

    @MutationMapping
    FollowComplaintPushPayload followComplaintPush(@Argument FollowComplaintPushInput input) {
        var result = citizens.followPush(
                input.receipt(), input.token(), input.platform(), input.acceptLinkRisk(), input.locale());
        return new FollowComplaintPushPayload(result.errors().isEmpty(), result.pushTag(), result.errors());
    }

    @SchemaMapping(typeName = "CitizenComplaint")
    List<PhotoLink> photos(CitizenView complaint) {
        return photoLinks.links(complaint.photoIds(), clock.instant());
    }

    @SchemaMapping(typeName = "CitizenComplaint")
    List<TimelineStep> timeline(CitizenView complaint) {
        return history.timeline(complaint.id());
    }

    @SchemaMapping(typeName = "CitizenComplaint")
    List<SupersededOutcome> supersededOutcomes(CitizenView complaint) {
        return history.superseded(complaint.id());
    }

    @SchemaMapping(typeName = "CitizenComplaint")
    CitizenUnit handlingUnit(CitizenView complaint) {
        return history.unit(complaint.routedUnitId()).orElse(null);
    }

    @SchemaMapping(typeName = "CitizenHandlingUnit")
    String fullName(CitizenUnit unit) {
        return unit.fullName();
    }

    @MutationMapping
    RateServicePayload rateService(@Argument RateServiceInput input) {
        var errors = ratings.rate(input.serviceCaseNumber(), input.unitId(), input.level(), input.indicators());
        return new RateServicePayload(errors.isEmpty(), errors);
    }

    @QueryMapping
    Connection<HandlerView> complaints(
            @Argument ComplaintFilter filter, @Argument Integer first, @Argument String after) {
        var f = filter == null ? new ComplaintFilter(null, null, false, false) : filter;
        var scope = scopes.current();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> handling.page(
                        scope,
                        f.statuses(),
                        f.unitId(),
                        Boolean.TRUE.equals(f.triageOnly()),
                        Boolean.TRUE.equals(f.overdueOnly()),
                        cursor,
                        limit),
                HandlerView::key);
    }

    @QueryMapping
    HandlerView complaint(@Argument String id) {
        return handling.read(scopes.current(), id).orElse(null);
    }

    @QueryMapping
    Connection<AuditView> complaintAudit(@Argument String id, @Argument Integer first, @Argument String after) {
        // who read or handled a case is oversight data: the efficiency office's, not any inspector's
        if (!scopes.current().office()) {
            return Connection.page(first, after, (cursor, limit) -> java.util.List.<AuditView>of(), AuditView::key);
        }
        return Connection.page(first, after, (cursor, limit) -> queries.audit(id, cursor, limit), AuditView::key);
    }

    @QueryMapping
    Connection<StatsView> complaintStats(@Argument String unitId, @Argument Integer first, @Argument String after) {
        var scope = scopes.current();
        var parent = unitId;
        if (!scope.all()) {
            if (scope.unitId() == null) {
                return Connection.page(first, after, (cursor, limit) -> List.of(), StatsView::unitId);
            }
            if (unitId != null && !queries.within(unitId, scope.unitId())) {
                throw new NotAuthorizedException(true, Text.of(ComplaintTexts.STATS_OWN_UNIT));
            }
            parent = unitId == null ? scope.unitId() : unitId;
        }
        var p = parent;
        return Connection.page(first, after, (cursor, limit) -> queries.stats(p, cursor, limit), StatsView::unitId);
    }

    @MutationMapping
    AdvanceComplaintPayload advanceComplaint(@Argument CaseHandling.Advance input) {
        var result = handling.advance(scopes.current(), input);
        return new AdvanceComplaintPayload(result.complaint(), result.errors());
    }

    @MutationMapping
    SendComplaintMessagePayload sendComplaintMessage(@Argument SendComplaintMessageInput input) {
        var result = handling.sendMessage(scopes.current(), input.id(), input.body());
        return new SendComplaintMessagePayload(result.message(), result.errors());
    }

    @SchemaMapping(typeName = "Complaint")
    List<String> photoUrls(HandlerView complaint) {
        return complaint.photoIds().stream()
                .map(id -> "/complaints/photos/" + id)
                .toList();
    }

    @SchemaMapping(typeName = "Complaint")
    FindingView conflict(HandlerView complaint) {
        return complaint.findingId() == null
                ? null
                : findings.byId(complaint.findingId()).orElse(null);
    }

    @BatchMapping(typeName = "Complaint")
    Map<HandlerView, UnitView> handlingUnit(List<HandlerView> complaints) {
        var units = graph.units(complaints.stream()
                .map(HandlerView::routedUnitId)
                .filter(java.util.Objects::nonNull)
                .toList());
        return BatchResults.byKey(complaints, HandlerView::routedUnitId, units);
    }

    @BatchMapping(typeName = "Complaint")
    Map<HandlerView, List<UnitView>> suggestedUnits(List<HandlerView> complaints) {
        var units = graph.units(complaints.stream()
                .flatMap(c -> c.suggestedUnitIds().stream())
                .distinct()
                .toList());
        return BatchResults.each(
                complaints,
                c -> c.suggestedUnitIds().stream()
                        .map(units::get)
                        .filter(java.util.Objects::nonNull)
                        .toList());
    }

    @BatchMapping(typeName = "Complaint")
    Map<HandlerView, List<MessageView>> messages(List<HandlerView> complaints) {
        var messages = queries.messages(complaints.stream().map(HandlerView::id).toList());
        return BatchResults.each(complaints, c -> messages.getOrDefault(c.id(), List.of()));
    }

    @BatchMapping(typeName = "Complaint")
    Map<HandlerView, List<StepView>> history(List<HandlerView> complaints) {
        var steps = queries.steps(complaints.stream().map(HandlerView::id).toList());
        return BatchResults.each(complaints, c -> steps.getOrDefault(c.id(), List.of()));
    }

    @BatchMapping(typeName = "ComplaintStats")
    Map<StatsView, UnitView> unit(List<StatsView> stats) {
        return BatchResults.byKey(
                stats,
                StatsView::unitId,
                graph.units(stats.stream().map(StatsView::unitId).toList()));
    }
}
