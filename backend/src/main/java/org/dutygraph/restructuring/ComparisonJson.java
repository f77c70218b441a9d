package org.dutygraph.restructuring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dutygraph.conflicts.engine.Finding;

/** The comparison as the {@code compare} command prints it: snake_case keys, findings in the shape {@code analyze} prints. */
public final class ComparisonJson {

    private ComparisonJson() {}

    public static Map<String, Object> of(OrgComparison c) {
        var json = new LinkedHashMap<String, Object>();
        json.put("before", counts(c.before()));
        json.put("after", counts(c.after()));
        json.put("resolved", c.resolved().stream().map(Finding::asRecord).toList());
        json.put("created", c.created().stream().map(Finding::asRecord).toList());
        json.put(
                "persisting",
                c.persisting().stream().map(ComparisonJson::persisting).toList());
        json.put(
                "duties_moved",
                c.dutiesMoved().stream()
                        .map(m -> {
                            var row = new LinkedHashMap<String, Object>();
                            row.put("duty", m.duty());
                            row.put("from", m.from());
                            row.put("to", m.to());
                            return row;
                        })
                        .toList());
        json.put("duties_dropped", c.dutiesDropped());
        json.put("duties_added", c.dutiesAdded());
        json.put(
                "staffing",
                c.staffing().stream()
                        .map(s -> {
                            var row = new LinkedHashMap<String, Object>();
                            row.put("unit", s.unit());
                            row.put("quota_before", s.quotaBefore());
                            row.put("quota_after", s.quotaAfter());
                            row.put("filled_before", s.filledBefore());
                            row.put("filled_after", s.filledAfter());
                            return row;
                        })
                        .toList());
        return json;
    }

    private static Map<String, Object> counts(OrgComparison.State state) {
        var counts = new LinkedHashMap<String, Object>();
        counts.put("units", state.units());
        counts.put("posts", state.posts());
        counts.put("duties", state.duties());
        counts.put("findings", state.findings().size());
        return counts;
    }

    /** The before-side finding, plus the ids it has after the change. */
    private static Map<String, Object> persisting(OrgComparison.Persisting p) {
        var row = p.before().asRecord();
        var after = new LinkedHashMap<String, Object>();
        after.put("id", p.after().id());
        after.put("severity", p.after().severity().name().toLowerCase());
        after.put("units", p.after().units());
        after.put("posts", p.after().posts());
        after.put("duties", p.after().duties());
        after.put("power_items", p.after().powerItems());
        after.put("arbiter_post_id", p.after().arbiterPostId());
        row.put("after", after);
        return row;
    }
}
