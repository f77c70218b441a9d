package org.dutygraph.restructuring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;
import org.springframework.web.util.HtmlUtils;

/**
 * The comparison as one self-contained page: the unit trees before and after side by side in inline SVG,
 * resolved findings drawn as green arcs between the units they involved before, created ones as red arcs
 * between the units they involve after (a dot for a finding of one unit), then the markdown report's tables.
 * No scripts, no external resources.
 */
public final class ComparisonHtml {

    private static final int ROW = 18;
    private static final int TOP = 40;
    private static final int BEFORE_X = 200;
    private static final int AFTER_X = 640;
    private static final int AFTER_EDGE = 1040;
    private static final int WIDTH = 1240;

    private final StringBuilder svg = new StringBuilder();

    public static String of(OrgComparison c) {
        return new ComparisonHtml().render(c);
    }

    private String render(OrgComparison c) {
        var before = rows(c.before().bundle());
        var after = rows(c.after().bundle());
        int height = TOP + ROW * Math.max(before.size(), after.size()) + 20;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        text(
                BEFORE_X,
                20,
                "Before (" + c.before().units() + " units, "
                        + c.before().findings().size() + " findings)",
                "bold");
        text(
                AFTER_X,
                20,
                "After (" + c.after().units() + " units, "
                        + c.after().findings().size() + " findings)",
                "bold");
        tree(before, BEFORE_X);
        tree(after, AFTER_X);
        c.resolved().forEach(f -> arcs(f, before, BEFORE_X, -1, "#2a9d3f", "resolved"));
        c.created().forEach(f -> arcs(f, after, AFTER_EDGE, 1, "#d62828", "created"));
        svg.append("</svg>\n");
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>Restructuring comparison</title>\n"
                + "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse}"
                + "td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}pre{white-space:pre-wrap}</style></head><body>\n"
                + "<h1>Restructuring comparison</h1>\n<p><span style=\"color:#2a9d3f\">&#9632; resolved</span> "
                + "<span style=\"color:#d62828\">&#9632; created</span> (hover an arc for its finding)</p>\n"
                + svg + "<pre>" + escape(ComparisonMarkdown.of(c)) + "</pre>\n</body></html>\n";
    }

    /** A unit tree in depth-first order: each row knows its depth. */
    private record Row(String id, String name, int depth) {}

    private static Map<String, Integer> index(List<Row> rows) {
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < rows.size(); i++) index.put(rows.get(i).id(), i);
        return index;
    }

    private static List<Row> rows(Bundle bundle) {
        var units = bundle.organizations().stream()
                .filter(o -> !"dissolved".equals(o.status()))
                .sorted(Comparator.comparing(Bundle.Organization::id))
                .toList();
        var ids = new java.util.HashSet<String>();
        units.forEach(u -> ids.add(u.id()));
        var children = new HashMap<String, List<Bundle.Organization>>();
        var roots = new ArrayList<Bundle.Organization>();
        for (var u : units) {
            if (u.parentId() != null && ids.contains(u.parentId()))
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            else roots.add(u);
        }
        var rows = new ArrayList<Row>();
        var seen = new java.util.HashSet<String>();
        roots.forEach(r -> walk(r, 0, children, rows, seen));
        return rows;
    }

    private static void walk(
            Bundle.Organization unit,
            int depth,
            Map<String, List<Bundle.Organization>> children,
            List<Row> rows,
            java.util.Set<String> seen) {
        if (!seen.add(unit.id())) return;
        rows.add(new Row(unit.id(), unit.name(), depth));
        children.getOrDefault(unit.id(), List.of()).forEach(c -> walk(c, depth + 1, children, rows, seen));
    }

    private void tree(List<Row> rows, int x) {
        for (int i = 0; i < rows.size(); i++) {
            var r = rows.get(i);
            text(x + 8 + 14 * r.depth(), y(i) + 4, r.name() + " (" + r.id() + ")", null);
        }
    }

    private void arcs(Finding f, List<Row> rows, int edge, int direction, String colour, String what) {
        var index = index(rows);
        var at = f.units().stream()
                .map(index::get)
                .filter(java.util.Objects::nonNull)
                .sorted()
                .toList();
        if (at.isEmpty()) return;
        var title =
                "<title>" + escape(what + " " + f.kind().code() + " " + f.id() + ": " + f.explanationZh()) + "</title>";
        if (at.size() == 1) {
            svg.append("<circle cx=\"")
                    .append(edge + direction * 6)
                    .append("\" cy=\"")
                    .append(y(at.get(0)))
                    .append("\" r=\"4\" fill=\"")
                    .append(colour)
                    .append("\">")
                    .append(title)
                    .append("</circle>\n");
            return;
        }
        for (int k = 1; k < at.size(); k++) {
            int y1 = y(at.get(0));
            int y2 = y(at.get(k));
            int bend = edge + direction * Math.min(180, 16 + (y2 - y1) / 3);
            svg.append("<path d=\"M")
                    .append(edge)
                    .append(' ')
                    .append(y1)
                    .append(" C")
                    .append(bend)
                    .append(' ')
                    .append(y1)
                    .append(' ')
                    .append(bend)
                    .append(' ')
                    .append(y2)
                    .append(' ')
                    .append(edge)
                    .append(' ')
                    .append(y2)
                    .append("\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(colour)
                    .append("\">")
                    .append(title)
                    .append("</path>\n");
        }
    }

    private static int y(int row) {
        return TOP + ROW * row;
    }

    private void text(int x, int y, String content, String weight) {
        svg.append("<text x=\"")
                .append(x)
                .append("\" y=\"")
                .append(y)
                .append('"')
                .append(weight == null ? "" : " font-weight=\"" + weight + "\"")
                .append('>')
                .append(escape(content))
                .append("</text>\n");
    }

    static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
