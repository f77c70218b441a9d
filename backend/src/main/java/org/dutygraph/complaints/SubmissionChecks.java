package org.dutygraph.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dutygraph.complaints.routing.Routing;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/** The checks on a submission: its fields, and that what it refers to exists. */
final class SubmissionChecks {

    static final int MAX_PHOTOS = 6;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    private SubmissionChecks() {}

    /** Everything that can be checked without the graph, every problem at once. */
    static List<UserError> validate(CitizenComplaints.Submission s, Instant now) {
        var errors = new ArrayList<UserError>();
        if (s.submissionId() == null || !UUID_TEXT.matcher(s.submissionId()).matches()) {
            errors.add(UserError.of(
                    "INVALID_FORMAT", Text.of(ComplaintTexts.SUBMISSION_ID_FORMAT), "input", "submissionId"));
        }
        if (s.target() == null || s.target().isEmpty()) {
            errors.add(UserError.of("REQUIRED", Text.of(ComplaintTexts.SAY_WHAT_ABOUT), "input", "target"));
        } else {
            checkLength(errors, s.target().badgeNumber(), 50, "target", "badgeNumber");
            checkLength(errors, s.target().matterText(), 500, "target", "matterText");
            checkLength(errors, s.target().matterId(), 200, "target", "matterId");
        }
        if (!CitizenComplaints.CATEGORIES.contains(s.category())) {
            errors.add(UserError.of("INVALID_VALUE", Text.of(ComplaintTexts.UNKNOWN_CATEGORY), "input", "category"));
        }
        var description = s.description() == null ? "" : s.description().strip();
        if (description.length() < 10 || description.length() > 5000) {
            errors.add(
                    UserError.of("INVALID_LENGTH", Text.of(ComplaintTexts.DESCRIPTION_LENGTH), "input", "description"));
        }
        if (s.occurredAt() != null && s.occurredAt().isAfter(now.plusSeconds(300))) {
            errors.add(
                    UserError.of("IN_THE_FUTURE", Text.of(ComplaintTexts.OCCURRED_IN_FUTURE), "input", "occurredAt"));
        }
        checkLength(errors, s.place(), 500, "place");
        checkLength(errors, s.contactName(), 50, "contact", "name");
        if (s.contactPhone() != null
                && !s.contactPhone().isBlank()
                && !PHONE.matcher(s.contactPhone()).matches()) {
            errors.add(
                    UserError.of("INVALID_FORMAT", Text.of(ComplaintTexts.PHONE_FORMAT), "input", "contact", "phone"));
        }
        if (CitizenComplaints.photos(s).size() > MAX_PHOTOS) {
            errors.add(
                    UserError.of("TOO_MANY", Text.of(ComplaintTexts.TOO_MANY_PHOTOS, MAX_PHOTOS), "input", "photoIds"));
        }
        return errors;
    }

    /**
     * What one submission refers to, as the graph has it.
     *
     * @param errors      what is missing (or, for photos, not free to attach)
     * @param named       the routing to the window or unit the citizen named, when it exists (saves the router a query)
     * @param submitted   a complaint with this submission id is already stored (a retry)
     * @param numberTaken the case number drawn for it belongs to another complaint
     */
    record References(List<UserError> errors, Routing named, boolean submitted, boolean numberTaken) {}

    /**
     * The references of each submission, in order, with whether its submission key and its case number are in
     * use; two queries for all of them.
     */
    static List<References> references(
            SubmissionStore.Queries graph,
            List<CitizenComplaints.Submission> submissions,
            List<String> submissionKeys,
            List<String> numbers) {
        var found = graph.references(submissions, submissionKeys, numbers);
        var matters = graph.knownMatters(
                submissions.stream().map(s -> s.target().matterId()).toList());
        var out = new ArrayList<References>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            var refs = references(submissions.get(i), found.get(i));
            var matterId = submissions.get(i).target().matterId();
            if (matterId != null && !matters.contains(matterId)) {
                refs.errors().add(Matters.unknown(matterId));
            }
            out.add(refs);
        }
        return out;
    }

    private static References references(CitizenComplaints.Submission s, SubmissionStore.Found found) {
        var t = s.target();
        var photoIds = CitizenComplaints.photos(s);
        var errors = new ArrayList<UserError>();
        missing(errors, found.unit(), t.unitId(), OrgNouns.UNIT, "target", "unitId");
        missing(errors, found.window(), t.windowId(), OrgNouns.UNIT, "target", "windowId");
        missing(errors, found.post(), t.postId(), OrgNouns.POST, "target", "postId");
        missing(errors, found.item(), t.powerItemId(), OrgNouns.POWER_ITEM, "target", "powerItemId");
        missing(errors, found.area(), s.areaId(), OrgNouns.AREA, "areaId");
        for (int i = 0; i < photoIds.size(); i++) {
            if (!found.freePhotos().contains(photoIds.get(i))) {
                errors.add(photoNotFree(i));
            }
        }
        Routing named = null;
        if (t.windowId() != null && found.window()) {
            named = Routing.named(t.windowId(), found.windowName());
        } else if (t.unitId() != null && found.unit()) {
            named = Routing.named(t.unitId(), found.unitName());
        }
        return new References(errors, named, found.submitted(), found.numberTaken());
    }

    static UserError photoNotFree(int index) {
        return UserError.of(
                "NOT_FOUND", Text.of(ComplaintTexts.PHOTO_NOT_FREE), "input", "photoIds", String.valueOf(index));
    }

    private static void missing(List<UserError> errors, boolean exists, String id, OrgNouns thing, String... path) {
        if (id != null && !exists) {
            var full = new ArrayList<String>(List.of("input"));
            full.addAll(List.of(path));
            errors.add(new UserError(full, "NOT_FOUND", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(thing), id)));
        }
    }

    private static void checkLength(List<UserError> errors, String value, int max, String... path) {
        if (value != null && value.strip().length() > max) {
            var full = new ArrayList<String>(List.of("input"));
            full.addAll(List.of(path));
            errors.add(new UserError(full, "TOO_LONG", Text.of(ComplaintTexts.AT_MOST_CHARACTERS, max)));
        }
    }
}
