package org.dutygraph.inspections;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dutygraph.inspections.SyncBatch.EvidenceIn;
import org.dutygraph.inspections.SyncBatch.VisitIn;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;

/** Checks of a sync batch that need no database: sizes, formats, ranges, duplicates within the batch. */
final class SyncChecks {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    static final int MAX_METADATA_CHARS = 16_384;

    private SyncChecks() {}

    static void check(SyncBatch batch, int maxItems, List<UserError> errors) {
        if (batch.size() > maxItems) {
            errors.add(UserError.of("BATCH_TOO_LARGE", Text.of(InspectionTexts.BATCH_TOO_LARGE, maxItems), "input"));
            return;
        }
        var visitIds = new HashSet<String>();
        for (int i = 0; i < batch.visits().size(); i++) {
            visit(batch.visits().get(i), visitIds, errors, "input", "visits", String.valueOf(i));
        }
        var findingIds = new HashSet<String>();
        var evidenceIds = new HashSet<String>();
        for (int i = 0; i < batch.findings().size(); i++) {
            var f = batch.findings().get(i);
            var at = String.valueOf(i);
            clientId(f.clientId(), findingIds, errors, "input", "findings", at, "clientId");
            text(f.description(), 1, 5000, "description", errors, "input", "findings", at, "description");
            text(f.badgeNumber(), 0, 50, "badgeNumber", errors, "input", "findings", at, "badgeNumber");
            for (int j = 0; j < f.evidence().size(); j++) {
                evidence(
                        f.evidence().get(j),
                        evidenceIds,
                        errors,
                        "input",
                        "findings",
                        at,
                        "evidence",
                        String.valueOf(j));
            }
        }
        var patrolIds = new HashSet<String>();
        for (int i = 0; i < batch.patrols().size(); i++) {
            var p = batch.patrols().get(i);
            clientId(p.clientId(), patrolIds, errors, "input", "patrols", String.valueOf(i), "clientId");
            text(p.note(), 0, 2000, "note", errors, "input", "patrols", String.valueOf(i), "note");
        }
    }

    private static void visit(VisitIn v, Set<String> seen, List<UserError> errors, String... at) {
        clientId(v.clientId(), seen, errors, path(at, "clientId"));
        if (v.latitude() != null && (v.latitude() < -90 || v.latitude() > 90)) {
            errors.add(UserError.of("OUT_OF_RANGE", Text.of(InspectionTexts.LATITUDE), path(at, "latitude")));
        }
        if (v.longitude() != null && (v.longitude() < -180 || v.longitude() > 180)) {
            errors.add(UserError.of("OUT_OF_RANGE", Text.of(InspectionTexts.LONGITUDE), path(at, "longitude")));
        }
        if ((v.latitude() == null) != (v.longitude() == null)) {
            errors.add(UserError.of(
                    "INCOMPLETE_POSITION", Text.of(InspectionTexts.INCOMPLETE_POSITION), path(at, "longitude")));
        }
        if (v.endedAt() != null && v.endedAt().isBefore(v.startedAt())) {
            errors.add(
                    UserError.of("INVALID_PERIOD", Text.of(InspectionTexts.ENDED_BEFORE_START), path(at, "endedAt")));
        }
        var answers = v.answers() == null ? List.<SyncBatch.AnswerIn>of() : v.answers();
        var codes = new HashSet<String>();
        for (int i = 0; i < answers.size(); i++) {
            var a = answers.get(i);
            if (!codes.add(a.code())) {
                errors.add(UserError.of(
                        "DUPLICATE_CODE",
                        Text.of(InspectionTexts.ANSWERED_TWICE, a.code()),
                        path(at, "answers", String.valueOf(i), "code")));
            }
            text(a.note(), 0, 2000, "note", errors, path(at, "answers", String.valueOf(i), "note"));
        }
    }

    private static void evidence(EvidenceIn e, Set<String> seen, List<UserError> errors, String... at) {
        clientId(e.clientId(), seen, errors, path(at, "clientId"));
        // Every kind: a hash is 64 lower-case hex digits or refused, since a stored hash names a file on disk.
        if (e.sha256() != null && !EvidenceHashes.valid(e.sha256())) {
            errors.add(UserError.of("INVALID_HASH", Text.of(InspectionTexts.INVALID_HASH), path(at, "sha256")));
        } else if (e.kind().equals("NOTE")) {
            text(e.text(), 1, 5000, "text", errors, path(at, "text"));
            if (e.sha256() != null) {
                errors.add(UserError.of(
                        "NOTE_HAS_NO_FILE", Text.of(InspectionTexts.NOTE_HAS_NO_FILE), path(at, "sha256")));
            }
        } else if (e.sha256() == null) {
            errors.add(UserError.of("INVALID_HASH", Text.of(InspectionTexts.INVALID_HASH), path(at, "sha256")));
        }
        if (e.sizeBytes() != null && e.sizeBytes() < 0) {
            errors.add(UserError.of(
                    "OUT_OF_RANGE", Text.of(InspectionTexts.NOT_NEGATIVE, "sizeBytes"), path(at, "sizeBytes")));
        }
        text(e.mimeType(), 0, 100, "mimeType", errors, path(at, "mimeType"));
        if (e.metadata() != null && InspectionJson.json(e.metadata()).length() > MAX_METADATA_CHARS) {
            errors.add(UserError.of(
                    "TOO_LONG", Text.of(InspectionTexts.METADATA_TOO_LONG, MAX_METADATA_CHARS), path(at, "metadata")));
        }
    }

    private static void clientId(String id, Set<String> seen, List<UserError> errors, String... at) {
        if (!CLIENT_ID.matcher(id).matches()) {
            errors.add(UserError.of("INVALID_CLIENT_ID", Text.of(InspectionTexts.CLIENT_ID_FORMAT), at));
        } else if (!seen.add(id)) {
            errors.add(UserError.of("DUPLICATE_CLIENT_ID", Text.of(InspectionTexts.CLIENT_ID_TWICE, id), at));
        }
    }

    private static void text(String value, int min, int max, String name, List<UserError> errors, String... at) {
        if (value == null ? min > 0 : value.strip().length() < min || value.length() > max) {
            errors.add(UserError.of(
                    min > 0 ? "INVALID_TEXT" : "TOO_LONG",
                    min > 0
                            ? Text.of(PlatformTexts.LENGTH_BETWEEN, name, min, max)
                            : Text.of(PlatformTexts.AT_MOST_CHARACTERS, name, max),
                    at));
        }
    }

    private static String[] path(String[] prefix, String... more) {
        var all = new String[prefix.length + more.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(more, 0, all, prefix.length, more.length);
        return all;
    }
}
