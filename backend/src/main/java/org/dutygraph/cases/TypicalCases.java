package org.dutygraph.cases;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.springframework.stereotype.Service;

/**
 * Anonymised typical cases for the annual warning-education meeting (警示教育), chosen by the supervision office from
 * the cases it decided that year, each with a narrative it writes for the meeting.
 *
 * <p>Kept: the year, the situation's area and wording, the source's kind, whether the case was against the post holder
 * or extended to a leader (and which joint-responsibility rules fired), the measure in force, whether it lay in the
 * situation's range, the appeal's outcome, and the narrative. Dropped: every name, id and number (person, post, unit,
 * case, complaint, finding, signal, ranking), every date but the year, the unit and post, the chain, the statements,
 * the opening summary (written before anyone vetted it) and the source's reference. Cases are listed by area and
 * situation, not by number or date, so their order says nothing of when they happened.
 *
 * <p>The narrative is the office's; it is refused when it contains what could lead back to a person: the names and ids
 * of the person, the people on the chain, the unit and post, the case number or source reference, a day-level date, or
 * a run of seven or more digits (a phone, an id-card or a badge number). What remains is the office's judgement: a
 * rare situation in a small unit can still be recognised by those who work there.
 */
@Service
public class TypicalCases {

    static final int MAX_CASES = 50;
    static final int MAX_NARRATIVE = 2000;
    static final Set<String> DECIDED = Set.of("DECIDED", "NOTIFIED", "APPEAL_DECIDED", "EXECUTED", "CLOSED");

    private static final List<Pattern> IDENTIFYING = List.of(
            Pattern.compile("\\d{1,2}\\s*月\\s*\\d{1,2}\\s*[日号]"),
            Pattern.compile("\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}"),
            Pattern.compile("\\d{7,}"));

    public record Chosen(String caseId, String narrative) {}

    public record TypicalCase(
            String label,
            int year,
            String area,
            String situation,
            String sourceKind,
            boolean againstLeader,
            List<String> jointRules,
            String measure,
            boolean inRange,
            String appealOutcome,
            String narrative) {}

    public record Report(List<TypicalCase> cases, String markdown, List<UserError> errors) {}

    private final GraphTransactions graph;
    private final CaseStore store;
    private final CaseAudiences audiences;
    private final SituationCatalogues catalogues;
    private final java.time.Clock clock;

    TypicalCases(
            GraphTransactions graph,
            CaseStore store,
            CaseAudiences audiences,
            SituationCatalogues catalogues,
            java.time.Clock clock) {
        this.catalogues = catalogues;
        this.graph = graph;
        this.store = store;
        this.audiences = audiences;
        this.clock = clock;
    }

    public Report report(
            CaseCaller caller, int year, List<Chosen> chosen, java.util.function.Function<Text, String> language) {
        if (!audiences.office(caller)) {
            throw new NotAuthorizedException(true, Text.of(CaseTexts.OFFICE_ONLY));
        }
        var errors = new ArrayList<UserError>();
        if (year < 2000 || year > 2100) {
            errors.add(CaseTexts.OUT_OF_RANGE.at("input", "year"));
        }
        if (chosen.isEmpty() || chosen.size() > MAX_CASES) {
            errors.add(CaseTexts.TYPICAL_COUNT.at("input", "cases"));
        }
        if (!errors.isEmpty()) {
            return new Report(List.of(), null, errors);
        }
        return graph.read(() -> {
            var kept = new ArrayList<TypicalCase>();
            var seen = new HashSet<String>();
            for (int i = 0; i < chosen.size(); i++) {
                var one = chosen.get(i);
                var at = String.valueOf(i);
                if (!seen.add(one.caseId())) {
                    errors.add(CaseTexts.CASE_TWICE.at("input", "cases", at, "caseId"));
                    continue;
                }
                var found = store.get(one.caseId(), clock.instant());
                if (found.isEmpty()) {
                    errors.add(CaseTexts.NOT_FOUND.at("input", "cases", at, "caseId"));
                    continue;
                }
                var c = found.get();
                if (!DECIDED.contains(c.status())
                        || c.decision() == null
                        || c.decision().decidedAt() == null
                        || c.decision()
                                        .decidedAt()
                                        .toInstant()
                                        .atZone(clock.getZone())
                                        .getYear()
                                != year) {
                    errors.add(CaseTexts.NOT_DECIDED_IN_YEAR.at("input", "cases", at, "caseId"));
                    continue;
                }
                var narrative = one.narrative() == null ? "" : one.narrative().strip();
                if (narrative.isEmpty() || narrative.length() > MAX_NARRATIVE) {
                    errors.add(CaseTexts.TEXT_TOO_LONG.at("input", "cases", at, "narrative"));
                    continue;
                }
                if (identifies(narrative, c)) {
                    errors.add(CaseTexts.IDENTIFYING_NARRATIVE.at("input", "cases", at, "narrative"));
                    continue;
                }
                kept.add(typical(c, narrative, year));
            }
            if (!errors.isEmpty()) {
                return new Report(List.of(), null, errors);
            }
            var ordered = labelled(kept, language);
            return new Report(ordered, TypicalCaseDocument.render(year, ordered, language), List.of());
        });
    }

    /** Whether the narrative names or numbers what the case names, or carries a date or a long number. */
    static boolean identifies(String narrative, CaseView c) {
        var text = narrative.toLowerCase(Locale.ROOT);
        var named = new ArrayList<String>();
        add(named, c.number(), c.source().reference(), c.source().id());
        for (var n : new CaseViews.Named[] {c.unit(), c.post(), c.person()}) {
            if (n != null) {
                add(named, n.id(), n.name());
            }
        }
        c.chain().forEach(l -> add(named, l.postId(), l.postLabel(), l.personId(), l.personName()));
        for (var s : named) {
            if (text.contains(s.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return IDENTIFYING.stream().anyMatch(p -> p.matcher(narrative).find());
    }

    private static void add(List<String> into, String... values) {
        for (var v : values) {
            // one-character names would refuse every text; a single character identifies nobody
            if (v != null && v.strip().length() >= 2) {
                into.add(v.strip());
            }
        }
    }

    /** The area's name in the catalogue version the case was judged under (its code when that version is gone). */
    private String areaName(CaseViews.SituationRef s) {
        return catalogues
                .version(s.catalogueVersion())
                .flatMap(v -> v.catalogue().areas().stream()
                        .filter(a -> a.code().equals(s.area()))
                        .findFirst())
                .map(Catalogue.Area::name)
                .orElse(s.area());
    }

    private TypicalCase typical(CaseView c, String narrative, int year) {
        var s = c.situation();
        var appeal = c.appeal();
        var measure = appeal != null && "CHANGED".equals(appeal.outcome())
                ? appeal.measure()
                : c.decision().measure();
        return new TypicalCase(
                null,
                year,
                s == null ? null : areaName(s),
                s == null ? null : s.wording(),
                c.source().kind(),
                CaseSources.JOINT.equals(c.source().kind()),
                c.jointRules() == null ? List.of() : c.jointRules(),
                measure,
                c.decision().inRange(),
                appeal == null ? null : appeal.outcome(),
                narrative);
    }

    /** Ordered by area, situation, measure and narrative (nothing of time or number), then labelled 案例一, 案例二 ... */
    private static List<TypicalCase> labelled(
            List<TypicalCase> cases, java.util.function.Function<Text, String> language) {
        Comparator<String> text = Comparator.nullsLast(Comparator.naturalOrder());
        var sorted = cases.stream()
                .sorted(Comparator.comparing(TypicalCase::area, text)
                        .thenComparing(TypicalCase::situation, text)
                        .thenComparing(TypicalCase::measure, text)
                        .thenComparing(TypicalCase::narrative))
                .toList();
        var out = new ArrayList<TypicalCase>();
        for (int i = 0; i < sorted.size(); i++) {
            var t = sorted.get(i);
            out.add(new TypicalCase(
                    language.apply(Text.of(CaseTexts.TYPICAL_LABEL, i + 1)),
                    t.year(),
                    t.area(),
                    t.situation(),
                    t.sourceKind(),
                    t.againstLeader(),
                    t.jointRules(),
                    t.measure(),
                    t.inRange(),
                    t.appealOutcome(),
                    t.narrative()));
        }
        return out;
    }
}
