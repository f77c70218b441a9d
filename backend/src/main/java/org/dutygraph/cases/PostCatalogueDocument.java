package org.dutygraph.cases;

import java.util.List;

/**
 * A unit's per-post catalogue as a Markdown document to post on the wall (Chinese: the wording of the catalogue is).
 * Its headings are the only fixed wording; they move into the message catalogue with the other texts.
 */
final class PostCatalogueDocument {

    private PostCatalogueDocument() {
    }

    static String render(String unitName, List<PostCatalogues.PostItems> posts) {
        var out = new StringBuilder();
        out.append("# ").append(unitName).append(" 问责事项目录\n");
        if (!posts.isEmpty() && posts.get(0).catalogueVersion() != null) {
            out.append("\n依据问责情形目录第 ").append(posts.get(0).catalogueVersion()).append(" 版。\n");
        }
        for (var post : posts) {
            out.append("\n## ").append(post.post().label() == null ? post.post().id() : post.post().label())
                    .append("（").append(post.post().id()).append("）\n\n");
            if (post.items().isEmpty()) {
                out.append("（本岗位职责未对应问责情形）\n");
                continue;
            }
            out.append("| 职责 | 问责情形 | 问责方式 | 依据 |\n|---|---|---|---|\n");
            for (var item : post.items()) {
                var s = item.situation();
                out.append("| ").append(cell(item.dutyText())).append(" | ").append(cell(s.wording())).append(" | ")
                        .append(s.measureFrom()).append(" – ").append(s.measureTo()).append(s.suspendFirst() ? "（先停职后调查）" : "")
                        .append(" | ").append(item.because()).append(": ").append(cell(item.via())).append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
