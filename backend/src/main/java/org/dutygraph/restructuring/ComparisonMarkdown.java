package org.dutygraph.restructuring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;

/** The comparison as a report a restructuring team can paste into a memo (Markdown, Chinese names with ids). */
public final class ComparisonMarkdown {

    private final StringBuilder out = new StringBuilder();
    private final Map<String, String> names = new HashMap<>();

    private ComparisonMarkdown(OrgComparison c) {
        name(c.before().bundle());
        name(c.after().bundle());
    }

    public static String of(OrgComparison c) {
        return new ComparisonMarkdown(c).render(c);
    }

    private void name(Bundle bundle) {
        bundle.organizations().forEach(o -> names.put(o.id(), o.name()));
        bundle.posts().forEach(p -> names.put(p.id(), p.label()));
    }

    private String render(OrgComparison c) {
        line("# Restructuring comparison");
        line("");
        line("| | units | posts | duties | findings |");
        line("|---|---|---|---|---|");
        counts("before", c.before());
        counts("after", c.after());
        line("");
        line("Resolved " + c.resolved().size() + ", created " + c.created().size() + ", persisting "
                + c.persisting().size() + " findings; " + c.dutiesMoved().size() + " duties moved, "
                + c.dutiesDropped().size() + " dropped, " + c.dutiesAdded().size() + " added.");
        findings("Resolved findings", c.resolved());
        findings("Created findings", c.created());
        findings(
                "Persisting findings (as they are after the change)",
                c.persisting().stream().map(OrgComparison.Persisting::after).toList());
        if (!c.dutiesMoved().isEmpty()) {
            section("Duties moved");
            line("| duty | from | to |");
            line("|---|---|---|");
            c.dutiesMoved()
                    .forEach(m -> line("| " + m.duty() + " | " + named(m.from()) + " | " + named(m.to()) + " |"));
        }
        ids("Duties dropped", c.dutiesDropped());
        ids("Duties added", c.dutiesAdded());
        if (!c.staffing().isEmpty()) {
            section("Staffing against quota");
            line("| unit | quota before | filled before | quota after | filled after |");
            line("|---|---|---|---|---|");
            c.staffing()
                    .forEach(s ->
                            line("| " + named(s.unit()) + " | " + dash(s.quotaBefore()) + " | " + dash(s.filledBefore())
                                    + " | " + dash(s.quotaAfter()) + " | " + dash(s.filledAfter()) + " |"));
        }
        spans(c.spans().changed());
        return out.toString();
    }

    /** Only the spans the change alters: a leader supervising more or fewer units, a section with more or fewer posts. */
    private void spans(SpansOfControl changed) {
        if (!changed.leaders().isEmpty()) {
            section("Units supervised per leader (changed)");
            line("| leader | before | after |");
            line("|---|---|---|");
            changed.leaders()
                    .forEach(l -> line("| " + named(l.postId()) + " | " + dash(l.supervisedBefore()) + " | "
                            + dash(l.supervisedAfter()) + " |"));
        }
        if (!changed.sections().isEmpty()) {
            section("Posts per section (changed)");
            line("| section | before | after |");
            line("|---|---|---|");
            changed.sections()
                    .forEach(x -> line("| " + named(x.unitId()) + " | " + dash(x.postsBefore()) + " | "
                            + dash(x.postsAfter()) + " |"));
        }
    }

    private void counts(String side, OrgComparison.State s) {
        line("| " + side + " | " + s.units() + " | " + s.posts() + " | " + s.duties() + " | "
                + s.findings().size() + " |");
    }

    private void findings(String title, List<Finding> findings) {
        if (findings.isEmpty()) return;
        section(title + " (" + findings.size() + ")");
        line("| kind | severity | units | duties | arbiter | explanation |");
        line("|---|---|---|---|---|---|");
        for (var f : findings) {
            line("| " + f.kind().code() + " | " + f.severity().name().toLowerCase() + " | "
                    + f.units().stream().map(this::named).collect(Collectors.joining(", ")) + " | "
                    + String.join(", ", f.duties()) + " | "
                    + (f.arbiterPostId() == null ? "" : named(f.arbiterPostId()))
                    + " | " + cell(f.explanationZh()) + " |");
        }
    }

    private void ids(String title, List<String> ids) {
        if (ids.isEmpty()) return;
        section(title + " (" + ids.size() + ")");
        line(String.join(", ", ids));
    }

    private void section(String title) {
        line("");
        line("## " + title);
        line("");
    }

    private String named(String id) {
        if (id == null) return "";
        var name = names.get(id);
        return cell(name == null ? id : name + " (" + id + ")");
    }

    private static String dash(Integer n) {
        return n == null ? "-" : n.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
