package org.dutygraph.cases;

import java.util.List;
import java.util.function.Function;
import org.dutygraph.platform.i18n.Text;

/** The typical cases as a Markdown document for the warning-education meeting, its words in the reader's language. */
final class TypicalCaseDocument {

    private TypicalCaseDocument() {}

    static String render(int year, List<TypicalCases.TypicalCase> cases, Function<Text, String> language) {
        var out = new StringBuilder();
        out.append("# ")
                .append(language.apply(Text.of(CaseTexts.TYPICAL_TITLE, String.valueOf(year))))
                .append("\n\n")
                .append(language.apply(Text.of(CaseTexts.TYPICAL_NOTE)))
                .append("\n");
        for (var c : cases) {
            out.append("\n## ")
                    .append(c.label())
                    .append(language.apply(Text.of(CaseTexts.TYPICAL_COLON)))
                    .append(line(c.situation()))
                    .append("\n\n");
            row(out, language, CaseTexts.TYPICAL_AREA, line(c.area()));
            row(out, language, CaseTexts.TYPICAL_SOURCE, c.sourceKind());
            if (c.againstLeader()) {
                row(out, language, CaseTexts.TYPICAL_JOINT, String.join(", ", c.jointRules()));
            }
            row(
                    out,
                    language,
                    CaseTexts.TYPICAL_MEASURE,
                    c.measure() + (c.inRange() ? "" : language.apply(Text.of(CaseTexts.TYPICAL_OUT_OF_RANGE))));
            if (c.appealOutcome() != null) {
                row(out, language, CaseTexts.TYPICAL_APPEAL, c.appealOutcome());
            }
            out.append("\n").append(c.narrative().strip()).append("\n");
        }
        return out.toString();
    }

    private static void row(StringBuilder out, Function<Text, String> language, CaseTexts label, String value) {
        out.append("- ").append(language.apply(Text.of(label))).append(value).append("\n");
    }

    /** One line: a heading or list item cannot be broken out of, nor a new heading started. */
    private static String line(String text) {
        return text == null ? "" : text.replace("\n", " ").replace("\r", " ").strip();
    }
}
