package org.dutygraph.cases;

import java.util.List;
import java.util.function.Function;
import org.dutygraph.platform.i18n.Text;

/** A unit's per-post catalogue as a Markdown document to post on the wall, its headings in the reader's language. */
final class PostCatalogueDocument {

    private PostCatalogueDocument() {}

    static String render(String unitName, List<PostCatalogues.PostItems> posts, Function<Text, String> language) {
        var out = new StringBuilder();
        out.append("# ")
                .append(language.apply(Text.of(CaseTexts.DOCUMENT_TITLE, unitName)))
                .append("\n");
        if (!posts.isEmpty() && posts.get(0).catalogueVersion() != null) {
            out.append("\n")
                    .append(language.apply(
                            Text.of(CaseTexts.DOCUMENT_VERSION, posts.get(0).catalogueVersion())))
                    .append("\n");
        }
        for (var post : posts) {
            out.append("\n## ")
                    .append(
                            post.post().label() == null
                                    ? post.post().id()
                                    : post.post().label())
                    .append("（")
                    .append(post.post().id())
                    .append("）\n\n");
            if (post.items().isEmpty()) {
                out.append(language.apply(Text.of(CaseTexts.DOCUMENT_NO_ITEMS))).append("\n");
                continue;
            }
            out.append(language.apply(Text.of(CaseTexts.DOCUMENT_HEADER))).append("\n|---|---|---|---|\n");
            for (var item : post.items()) {
                var s = item.situation();
                out.append("| ")
                        .append(cell(item.dutyText()))
                        .append(" | ")
                        .append(cell(s.wording()))
                        .append(" | ")
                        .append(s.measureFrom())
                        .append(" – ")
                        .append(s.measureTo())
                        .append(s.suspendFirst() ? language.apply(Text.of(CaseTexts.DOCUMENT_SUSPEND_FIRST)) : "")
                        .append(" | ")
                        .append(item.because())
                        .append(": ")
                        .append(cell(item.via()))
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
