package org.dutygraph.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.dutygraph.complaints.routing.Routing;
import org.dutygraph.platform.graphql.UserError;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The checks on a submission: its fields, and that what it refers to exists (one query). */
final class SubmissionChecks {

    static final int MAX_PHOTOS = 6;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");

    private final ComplaintStore store;

    SubmissionChecks(ComplaintStore store) {
        this.store = store;
    }

    /** Everything that can be checked without the graph, every problem at once. */
    static List<UserError> validate(CitizenComplaints.Submission s, Instant now) {
        var errors = new ArrayList<UserError>();
        if (s.submissionId() == null || !UUID_TEXT.matcher(s.submissionId()).matches()) {
            errors.add(UserError.of("INVALID_FORMAT", "'submissionId' must be a UUID generated once per complaint", "input", "submissionId"));
        }
        if (s.target() == null || s.target().isEmpty()) {
            errors.add(UserError.of("REQUIRED", "Say what the complaint is about: a unit, window, post, badge number or matter",
                    "input", "target"));
        } else {
            checkLength(errors, s.target().badgeNumber(), 50, "target", "badgeNumber");
            checkLength(errors, s.target().matterText(), 500, "target", "matterText");
            checkLength(errors, s.target().matterId(), 200, "target", "matterId");
        }
        if (!CitizenComplaints.CATEGORIES.contains(s.category())) {
            errors.add(UserError.of("INVALID_VALUE", "Unknown category", "input", "category"));
        }
        var description = s.description() == null ? "" : s.description().strip();
        if (description.length() < 10 || description.length() > 5000) {
            errors.add(UserError.of("INVALID_LENGTH", "'description' must be 10 to 5000 characters", "input", "description"));
        }
        if (s.occurredAt() != null && s.occurredAt().isAfter(now.plusSeconds(300))) {
            errors.add(UserError.of("IN_THE_FUTURE", "'occurredAt' is in the future", "input", "occurredAt"));
        }
        checkLength(errors, s.place(), 500, "place");
        checkLength(errors, s.contactName(), 50, "contact", "name");
        if (s.contactPhone() != null && !s.contactPhone().isBlank() && !PHONE.matcher(s.contactPhone()).matches()) {
            errors.add(UserError.of("INVALID_FORMAT", "'phone' must be 5 to 20 digits, spaces, '+' or '-'", "input", "contact", "phone"));
        }
        if (CitizenComplaints.photos(s).size() > MAX_PHOTOS) {
            errors.add(UserError.of("TOO_MANY", "At most " + MAX_PHOTOS + " photos", "input", "photoIds"));
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
    record References(List<UserError> errors, Routing named, boolean submitted, boolean numberTaken) {
    }

    /**
     * The references of each submission, in order, with whether its submission key and its case number are in
     * use; one query for all of them.
     */
    List<References> references(TransactionContext tx, List<CitizenComplaints.Submission> submissions,
                                List<String> submissionKeys, List<String> numbers) {
        var rows = new ArrayList<Map<String, Object>>(submissions.size());
        for (int i = 0; i < submissions.size(); i++) {
            var s = submissions.get(i);
            var row = new HashMap<String, Object>();
            row.put("i", i);
            row.put("unit", s.target().unitId());
            row.put("window", s.target().windowId());
            row.put("post", s.target().postId());
            row.put("item", s.target().powerItemId());
            row.put("area", s.areaId());
            row.put("photos", CitizenComplaints.photos(s));
            row.put("submissionKey", submissionKeys.get(i));
            row.put("number", numbers.get(i));
            rows.add(row);
        }
        var found = store.references(tx, rows);
        var matters = Matters.known(tx, submissions.stream().map(s -> s.target().matterId()).toList());
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

    private static References references(CitizenComplaints.Submission s, Record found) {
        var t = s.target();
        var photoIds = CitizenComplaints.photos(s);
        var errors = new ArrayList<UserError>();
        missing(errors, found, "unit", t.unitId(), "Organization", "target", "unitId");
        missing(errors, found, "window", t.windowId(), "Organization", "target", "windowId");
        missing(errors, found, "post", t.postId(), "Post", "target", "postId");
        missing(errors, found, "item", t.powerItemId(), "PowerItem", "target", "powerItemId");
        missing(errors, found, "area", s.areaId(), "Area", "areaId");
        var attachable = found.get("photos").asList(Value::asString);
        for (int i = 0; i < photoIds.size(); i++) {
            if (!attachable.contains(photoIds.get(i))) {
                errors.add(photoNotFree(i));
            }
        }
        Routing named = null;
        if (t.windowId() != null && found.get("window").asBoolean()) {
            named = Routing.named(t.windowId(), found.get("windowName").asString());
        } else if (t.unitId() != null && found.get("unit").asBoolean()) {
            named = Routing.named(t.unitId(), found.get("unitName").asString());
        }
        return new References(errors, named, found.get("submitted").asBoolean(), found.get("numberTaken").asBoolean());
    }

    static UserError photoNotFree(int index) {
        return UserError.of("NOT_FOUND", "No uploaded photo has this id (or it belongs to another complaint)",
                "input", "photoIds", String.valueOf(index));
    }

    private static void missing(List<UserError> errors, Record found, String key, String id, String label,
                                String... path) {
        if (id != null && !found.get(key).asBoolean()) {
            var full = new ArrayList<String>(List.of("input"));
            full.addAll(List.of(path));
            errors.add(new UserError(full, "NOT_FOUND", "No " + label + " has id '" + id + "'"));
        }
    }

    private static void checkLength(List<UserError> errors, String value, int max, String... path) {
        if (value != null && value.strip().length() > max) {
            var full = new ArrayList<String>(List.of("input"));
            full.addAll(List.of(path));
            errors.add(new UserError(full, "TOO_LONG", "At most " + max + " characters"));
        }
    }
}
