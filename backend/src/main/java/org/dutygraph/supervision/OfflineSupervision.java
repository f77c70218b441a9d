package org.dutygraph.supervision;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dutygraph.org.bundle.BundleProblem;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.BundleValidator;
import org.dutygraph.org.bundle.ExistingIds;
import org.dutygraph.org.bundle.Problems;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.supervision.events.CaseEventParser;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.signals.CaseBook;
import org.dutygraph.supervision.signals.Signal;
import org.dutygraph.supervision.signals.SignalEngine;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Supervision from files, without a database: a bundle (org-bundle/1, checked whole as an import would) and a
 * case-event file in, the signals raised up to a moment out.
 */
public final class OfflineSupervision {

    /**
     * What a run found: bundle problems (nothing else is read then), the lines not kept, and the signals; with the
     * time spent reading and checking the events, and evaluating the cases.
     */
    public record Report(
            List<BundleProblem> bundleProblems,
            int bundleProblemCount,
            List<LineProblem> lineProblems,
            long eventsKept,
            long eventsReplayed,
            int cases,
            List<Signal> signals,
            long ingestNanos,
            long evaluateNanos) {

        public boolean bundleRejected() {
            return bundleProblemCount > 0;
        }
    }

    private final WorkingDays days;
    private final ZoneId zone;
    private final int supervisionPeriod;
    private final Locale language;

    public OfflineSupervision(WorkingDays days, ZoneId zone, int supervisionPeriod) {
        this(days, zone, supervisionPeriod, Languages.CHINESE);
    }

    /** @param language of the bundle problems' words (line problems are rendered by the caller, {@link #MESSAGES}) */
    public OfflineSupervision(WorkingDays days, ZoneId zone, int supervisionPeriod, Locale language) {
        this.days = days;
        this.zone = zone;
        this.supervisionPeriod = supervisionPeriod;
        this.language = language;
    }

    /** The message catalogue as spring.messages sets it up in the application, for the problems' words. */
    public static final Messages MESSAGES = catalogue();

    private static Messages catalogue() {
        var source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return new Messages(source);
    }

    /** A bad line for people to read: number, field, code and the message's text (not its catalogue key). */
    public static String describe(LineProblem problem, Locale language) {
        return "line %d  %s  %s  %s"
                .formatted(
                        problem.line(), problem.field(), problem.code(), MESSAGES.render(problem.message(), language));
    }

    /**
     * A file of case events as lines of UTF-8 text: a line with bytes that are not UTF-8 is refused with its number
     * ({@code MALFORMED_JSON}), the others read; never a failure of the whole file, nor a silent replacement.
     */
    public static Reader lines(InputStream events) {
        return org.dutygraph.supervision.events.JsonLines.utf8(events);
    }

    public Report run(InputStream bundleJson, Reader events, Instant at) throws IOException {
        var problems = new Problems(text -> MESSAGES.render(text, language));
        var bundle = new BundleReader(problems).read(bundleJson);
        if (bundle != null) {
            new BundleValidator(ExistingIds.NONE, problems).validate(bundle);
        }
        if (!problems.isEmpty()) {
            return new Report(problems.list(), problems.total(), List.of(), 0, 0, 0, List.of(), 0, 0);
        }
        var book = new CaseBook(new BundleOrg(bundle));
        var parser = new CaseEventParser();
        var lineProblems = new ArrayList<LineProblem>();
        long kept = 0;
        long replayed = 0;
        long started = System.nanoTime();
        var reader = events instanceof BufferedReader buffered ? buffered : new BufferedReader(events, 1 << 16);
        long number = 0;
        for (String line; (line = reader.readLine()) != null; ) {
            var parsed = parser.parse(++number, line);
            if (parsed == null) continue;
            if (!parsed.ok()) {
                lineProblems.addAll(parsed.problems());
                book.checkReferences(number, parsed.partial(), lineProblems);
                continue;
            }
            switch (book.add(number, parsed.event(), lineProblems)) {
                case KEPT -> kept++;
                case REPLAYED -> replayed++;
                case REFUSED -> {}
            }
        }
        long ingested = System.nanoTime();
        var signals = book.signals(new SignalEngine(days, zone, supervisionPeriod), at);
        return new Report(
                List.of(),
                0,
                lineProblems,
                kept,
                replayed,
                book.caseCount(),
                signals,
                ingested - started,
                System.nanoTime() - ingested);
    }
}
