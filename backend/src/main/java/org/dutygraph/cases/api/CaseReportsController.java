package org.dutygraph.cases.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dutygraph.cases.CaseStatistics;
import org.dutygraph.cases.TypicalCases;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Reporting on accountability cases: per-unit statistics and anonymised typical cases. See cases.graphqls. */
@Controller
class CaseReportsController {

    record TypicalInput(int year, List<TypicalCases.Chosen> cases) {}

    private final CaseStatistics statistics;
    private final TypicalCases typical;
    private final CaseCallers callers;
    private final Messages messages;

    CaseReportsController(CaseStatistics statistics, TypicalCases typical, CaseCallers callers, Messages messages) {
        this.statistics = statistics;
        this.typical = typical;
        this.callers = callers;
        this.messages = messages;
    }

    @QueryMapping
    CaseStatistics.Statistics accountabilityCaseStatistics(
            @Argument LocalDate from,
            @Argument LocalDate to,
            @Argument List<String> unitIds,
            @Argument Integer first,
            @Argument String after) {
        return statistics.of(callers.current(), from, to, unitIds, first, after);
    }

    @QueryMapping
    TypicalCases.Report typicalAccountabilityCases(@Argument TypicalInput input, Locale locale) {
        var language = Languages.of(locale);
        return typical.report(callers.current(), input.year(), input.cases(), text -> messages.render(text, language));
    }
}
