package org.dutygraph.conflicts;

import java.time.LocalDate;
import java.util.HashSet;
import org.dutygraph.conflicts.engine.Projection;
import org.dutygraph.conflicts.engine.ProjectionBuilder;
import org.dutygraph.org.bundle.Bundle;

/**
 * The projection of a validated bundle read as a whole organisation, without a database: what the projection
 * store reads from the graph after importing the same bundle into an empty store (dissolved units and posts,
 * withdrawn duties and power items left out; a post without a membership current on {@code today} is vacant).
 */
final class BundleProjection {

    private BundleProjection() {}

    static Projection of(Bundle b, LocalDate today) {
        var builder = new ProjectionBuilder();
        b.areas().forEach(a -> builder.area(a.id(), a.parentId()));
        b.concepts().forEach(c -> builder.concept(c.id(), c.label(), c.broaderId()));
        b.organizations().stream()
                .filter(o -> !"dissolved".equals(o.status()))
                .forEach(o -> builder.unit(o.id(), o.name(), o.classification(), o.parentId(), o.areaId()));
        var day = today.toString();
        var filled = new HashSet<String>();
        for (var m : b.memberships()) {
            // stored with "" for a missing start date, compared as text, as the projection store does
            var start = m.startDate() == null ? "" : m.startDate();
            if (start.compareTo(day) <= 0 && (m.endDate() == null || m.endDate().compareTo(day) >= 0)) {
                filled.add(m.postId());
            }
        }
        b.posts().stream()
                .filter(p -> !"dissolved".equals(p.status()) && p.organizationId() != null)
                .forEach(p -> builder.post(
                        p.id(),
                        p.label(),
                        p.role(),
                        p.organizationId(),
                        p.backupPostId(),
                        p.reportsToPostId(),
                        !filled.contains(p.id())));
        b.supervision().forEach(s -> builder.supervision(s.postId(), s.organizationId(), s.kind()));
        b.powerItems().stream()
                .filter(i -> !"withdrawn".equals(i.status()))
                .forEach(i -> builder.powerItem(i.id(), i.name(), i.category()));
        b.duties().stream()
                .filter(d -> !"withdrawn".equals(d.status()))
                .forEach(d -> builder.duty(
                        d.id(),
                        d.holderId(),
                        d.text(),
                        d.role(),
                        d.arrangementId(),
                        d.action(),
                        d.areaId(),
                        d.objects(),
                        d.powerItemIds()));
        return builder.build();
    }
}
