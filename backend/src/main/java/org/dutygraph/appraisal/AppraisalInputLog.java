package org.dutygraph.appraisal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.dutygraph.appraisal.engine.Period;
import org.springframework.stereotype.Service;

/** Reads back what was entered for a subject in a period: the score sheet, the entry log and the events of its months. */
@Service
public class AppraisalInputLog {

    public record Score(String code, String value) {}

    /**
     * One logged entry; {@code key} sorts the log oldest first (the time, then the node). {@code source} is
     * {@code rating-round:<id>} for a rating round's result (null otherwise), {@code ballots} its ballots per group
     * ({@code group:count}).
     */
    public record Entry(
            String code,
            String value,
            String enteredBy,
            OffsetDateTime enteredAt,
            String key,
            String source,
            List<String> ballots) {}

    public record Event(
            String id,
            String subjectId,
            String period,
            String kind,
            int months,
            String source,
            String recordedBy,
            OffsetDateTime recordedAt,
            OffsetDateTime withdrawnAt,
            String withdrawnBy,
            String withdrawReason) {}

    private final ScoreSheetStore sheets;
    private final AppraisalEventStore events;

    AppraisalInputLog(ScoreSheetStore sheets, AppraisalEventStore events) {
        this.sheets = sheets;
        this.events = events;
    }

    /** The current values, in code order. */
    public List<Score> scores(String subjectId, Period period) {
        var scores = new ArrayList<>(sheets.scores(subjectId, period));
        scores.sort(java.util.Comparator.comparing(Score::code));
        return scores;
    }

    /** The log, oldest first, keyset paged. */
    public List<Entry> entries(String subjectId, Period period, String after, int limit) {
        return sheets.entries(subjectId, period, after, limit);
    }

    /** Events in the months of the period, withdrawn ones included, oldest first. */
    public List<Event> events(String subjectId, Period period) {
        var months = period.kind() == Period.Kind.MONTH
                ? List.of(period.toString())
                : period.parts(Period.Kind.MONTH).stream().map(Period::toString).toList();
        return events.inMonths(subjectId, period.year(), months);
    }
}
