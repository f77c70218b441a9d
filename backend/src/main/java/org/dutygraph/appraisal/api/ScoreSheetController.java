package org.dutygraph.appraisal.api;

import java.util.Base64;
import java.util.List;
import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.appraisal.sheets.ScoreSheets;
import org.dutygraph.appraisal.sheets.UnitSheets;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** A period's scores for many subjects at once: a sheet of subjects x codes, or a CSV / .xlsx file. See appraisal.graphqls. */
@Controller
class ScoreSheetController {

    private final ScoreSheets files;
    private final UnitSheets sheets;

    ScoreSheetController(ScoreSheets files, UnitSheets sheets) {
        this.files = files;
        this.sheets = sheets;
    }

    record SheetInput(
            String period, String appraisalPeriod, String unitId, List<String> codes, List<UnitSheets.Row> rows) {}

    record ImportInput(
            ScoreSheets.Format format,
            String content,
            String text,
            String charset,
            String period,
            String appraisalPeriod) {}

    record SheetPayload(int entered, int rows, List<UserError> errors) {
        static SheetPayload of(ScoreSheets.Imported imported) {
            return new SheetPayload(imported.entered(), imported.rows(), imported.errors());
        }
    }

    @MutationMapping
    SheetPayload enterAppraisalSheet(@Argument SheetInput input) {
        var period = TypedOrString.of("period", input.period(), "appraisalPeriod", input.appraisalPeriod());
        if (period.conflicting()) {
            return new SheetPayload(0, input.rows().size(), List.of(period.inputConflict()));
        }
        return SheetPayload.of(
                sheets.enter(period.value(), period.field(), input.unitId(), input.codes(), input.rows(), username()));
    }

    @MutationMapping
    SheetPayload importAppraisalScoreSheet(@Argument ImportInput input) {
        var period = TypedOrString.of("period", input.period(), "appraisalPeriod", input.appraisalPeriod());
        if (period.conflicting()) {
            return new SheetPayload(0, 0, List.of(period.inputConflict()));
        }
        if ((input.content() == null) == (input.text() == null)) {
            return refused("INVALID_SHEET", Text.of(AppraisalTexts.CONTENT_OR_TEXT), "input", "content");
        }
        if (input.text() != null) {
            if (input.format() != ScoreSheets.Format.CSV) {
                return refused("INVALID_SHEET", Text.of(AppraisalTexts.TEXT_ONLY_CSV), "input", "text");
            }
            return SheetPayload.of(
                    files.read(input.format(), null, input.text(), null, period.value(), period.field(), username()));
        }
        // base64 is 4/3 of the bytes: refuse before decoding what could not fit
        if (input.content().length() > (files.maxBytes() / 3 + 1) * 4 + 4) {
            return refused(
                    "TOO_LARGE",
                    Text.of(AppraisalTexts.FILE_TOO_LARGE, files.maxBytes() / (1024 * 1024)),
                    "input",
                    "content");
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(input.content());
        } catch (IllegalArgumentException e) {
            return refused("INVALID_SHEET", Text.of(AppraisalTexts.NOT_BASE64), "input", "content");
        }
        return SheetPayload.of(
                files.read(input.format(), bytes, null, input.charset(), period.value(), period.field(), username()));
    }

    private static SheetPayload refused(String code, Text message, String... path) {
        return new SheetPayload(0, 0, List.of(UserError.of(code, message, path)));
    }

    private static String username() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
