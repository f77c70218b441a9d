package org.dutygraph.org.bundle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Writes a validated bundle in batches, in an order that makes every reference resolvable. */
public final class BundleWriter {

    private final WriteSink sink;
    private final ImportProgress progress;
    private final int batchSize;
    private long written;
    private long total;

    public BundleWriter(WriteSink sink, ImportProgress progress, int batchSize) {
        this.sink = sink;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    public void write(ValidatedBundle validated) {
        write(validated, ImportScope.UPDATE);
    }

    public void write(ValidatedBundle validated, ImportScope scope) {
        var b = validated.bundle();
        total = b.size();
        written = 0;
        section("areas", b.areas(), BundleWriteStore.AREAS, BundleWriter::area, false);
        section("areas", b.areas(), BundleWriteStore.AREA_LINKS, BundleWriter::area, true);
        section("concepts", b.concepts(), BundleWriteStore.CONCEPTS, BundleWriter::concept, false);
        section("concepts", b.concepts(), BundleWriteStore.CONCEPT_LINKS, BundleWriter::concept, true);
        section("organizations", b.organizations(), BundleWriteStore.ORGANIZATIONS, BundleWriter::organization, false);
        section(
                "organizations",
                b.organizations(),
                BundleWriteStore.ORGANIZATION_LINKS,
                BundleWriter::organization,
                true);
        section("posts", b.posts(), BundleWriteStore.POSTS, BundleWriter::post, false);
        section("posts", b.posts(), BundleWriteStore.POST_LINKS, BundleWriter::post, true);
        section("persons", b.persons(), BundleWriteStore.PERSONS, BundleWriter::person, false);
        section("memberships", b.memberships(), BundleWriteStore.MEMBERSHIPS, BundleWriter::membership, false);
        section("supervision", b.supervision(), BundleWriteStore.SUPERVISION, BundleWriter::supervision, false);
        if (scope == ImportScope.WHOLE_STATE) {
            // in one statement whatever the batch size: the lines kept must all be known to end the others
            sink.write(
                    BundleWriteStore.END_SUPERVISION_NOT_LISTED,
                    b.supervision().stream().map(BundleWriter::supervision).toList());
        }
        section("power_items", b.powerItems(), BundleWriteStore.POWER_ITEMS, BundleWriter::powerItem, false);
        var byOrganizations = new ArrayList<Bundle.Duty>();
        var byPosts = new ArrayList<Bundle.Duty>();
        for (var duty : b.duties()) {
            (validated.heldByPost(duty) ? byPosts : byOrganizations).add(duty);
        }
        section("duties", byOrganizations, BundleWriteStore.duties("Organization"), BundleWriter::duty, false);
        section("duties", byPosts, BundleWriteStore.duties("Post"), BundleWriter::duty, false);
        progress.update("done", written, total);
    }

    /** Sends one section in batches; a linking pass re-reads entries already counted. */
    private <T> void section(
            String phase, List<T> entries, String cypher, Function<T, Map<String, Object>> toRow, boolean linkingPass) {
        for (int from = 0; from < entries.size(); from += batchSize) {
            var slice = entries.subList(from, Math.min(entries.size(), from + batchSize));
            var rows = new ArrayList<Map<String, Object>>(slice.size());
            slice.forEach(entry -> rows.add(toRow.apply(entry)));
            sink.write(cypher, rows);
            if (!linkingPass) {
                written += slice.size();
            }
            progress.update(phase, written, total);
        }
    }

    private static Map<String, Object> row(Object... keyValues) {
        var row = new HashMap<String, Object>(keyValues.length);
        for (int i = 0; i < keyValues.length; i += 2) {
            row.put((String) keyValues[i], keyValues[i + 1]);
        }
        return row;
    }

    private static Map<String, Object> area(Bundle.Area a) {
        return row("id", a.id(), "name", a.name(), "classification", a.classification(), "parentId", a.parentId());
    }

    private static Map<String, Object> concept(Bundle.Concept c) {
        return row(
                "id",
                c.id(),
                "label",
                c.label(),
                "scheme",
                c.scheme(),
                "broaderId",
                c.broaderId(),
                "altLabels",
                c.altLabels().stream().map(String::strip).toList());
    }

    private static Map<String, Object> organization(Bundle.Organization o) {
        return row(
                "id",
                o.id(),
                "name",
                o.name(),
                "otherNames",
                o.otherNames().isEmpty() ? null : o.otherNames(),
                "classification",
                o.classification(),
                "parentId",
                o.parentId(),
                "areaId",
                o.areaId(),
                "foundingDate",
                o.foundingDate(),
                "dissolutionDate",
                o.dissolutionDate(),
                "status",
                o.status(),
                "quota",
                o.quota(),
                "leadershipPositions",
                o.leadershipPositions());
    }

    private static Map<String, Object> post(Bundle.Post p) {
        return row(
                "id",
                p.id(),
                "label",
                p.label(),
                "organizationId",
                p.organizationId(),
                "role",
                p.role(),
                "postClass",
                p.postClass(),
                "startDate",
                p.startDate(),
                "endDate",
                p.endDate(),
                "backupPostId",
                p.backupPostId(),
                "reportsToPostId",
                p.reportsToPostId(),
                "status",
                p.status());
    }

    private static Map<String, Object> person(Bundle.Person p) {
        return row("id", p.id(), "name", p.name());
    }

    private static Map<String, Object> membership(Bundle.Membership m) {
        return row(
                "personId",
                m.personId(),
                "postId",
                m.postId(),
                "startDate",
                m.startDate() == null ? "" : m.startDate(),
                "endDate",
                m.endDate(),
                "secondedFromId",
                m.secondedFromId());
    }

    private static Map<String, Object> supervision(Bundle.Supervision s) {
        return row("postId", s.postId(), "organizationId", s.organizationId(), "kind", s.kind());
    }

    private static Map<String, Object> powerItem(Bundle.PowerItem p) {
        return row(
                "id",
                p.id(),
                "code",
                p.code(),
                "name",
                p.name(),
                "category",
                p.category(),
                "basis",
                p.basis(),
                "statutoryDays",
                p.statutoryDays(),
                "committedDays",
                p.committedDays(),
                "fee",
                p.fee(),
                "status",
                p.status(),
                "endDate",
                p.endDate(),
                "feeItems",
                p.fees().stream().map(Bundle.Fee::item).toList(),
                "feeAmounts",
                p.fees().stream().map(Bundle.Fee::amount).toList());
    }

    private static Map<String, Object> duty(Bundle.Duty d) {
        return row(
                "id",
                d.id(),
                "holderId",
                d.holderId(),
                "text",
                d.text(),
                "action",
                d.action(),
                "objects",
                d.objects(),
                "areaId",
                d.areaId(),
                "powerItemIds",
                d.powerItemIds(),
                "basis",
                d.basis(),
                "role",
                d.role(),
                "arrangementId",
                d.arrangementId(),
                "status",
                d.status(),
                "endDate",
                d.endDate());
    }
}
