package org.dutygraph.supervision;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.dutygraph.notifications.NotificationRequest;
import org.dutygraph.notifications.Notifications;
import org.dutygraph.platform.calendar.WorkingDays;
import org.dutygraph.platform.effects.Effects;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.dutygraph.supervision.signals.CaseEnding;
import org.dutygraph.supervision.signals.PowerItemTerms;
import org.dutygraph.supervision.signals.Signal;
import org.dutygraph.supervision.signals.SignalEngine;
import org.springframework.stereotype.Service;

/**
 * Evaluates every open case at a moment, a page of cases per transaction: signals raised since the last run are
 * stored (by case, rule and the order they were raised in, so a second run adds nothing), their people notified and
 * red cards recorded as {@link SupervisionRedCard} effects in the same transaction; signals of concluded cases are
 * cleared, and a case whose signals are all cleared after its end is closed. A case the engine finds quiet until a
 * moment (its next signal's; none when every rule that time alone raises has been raised) is marked with that moment
 * and its power item's terms, and skipped in the database until the moment comes, a new event unmarks it or those
 * terms change ({@link OpenCaseStore}): most open cases of a year are settled, never concluded, most others wait for
 * a limit days away, and a run at a moment reads only the cases with news.
 */
@Service
public class SignalEvaluation {

    static final int PAGE = 2_000;

    /** What a run did: {@code cases} open ones, of which {@code settled} needed no reading (see {@link #evaluate}). */
    public record Run(int cases, int raised, int cleared, int closed, int settled) {}

    private final CaseEventStore cases;
    private final OpenCaseStore open;
    private final SignalStore signals;
    private final SignalNotices notices;
    private final Notifications notifications;
    private final Effects effects;
    private final GraphTransactions graph;
    private final LockStore locks;
    private final SignalEngine engine;
    private final Clock clock;
    private final MeterRegistry meters;

    SignalEvaluation(
            CaseEventStore cases,
            OpenCaseStore open,
            SignalStore signals,
            SignalNotices notices,
            Notifications notifications,
            Effects effects,
            GraphTransactions graph,
            LockStore locks,
            WorkingDays days,
            SupervisionSettings settings,
            Clock clock,
            MeterRegistry meters) {
        this.cases = cases;
        this.open = open;
        this.signals = signals;
        this.notices = notices;
        this.notifications = notifications;
        this.effects = effects;
        this.graph = graph;
        this.locks = locks;
        this.engine = new SignalEngine(days, clock.getZone(), settings.supervisionPeriod());
        this.clock = clock;
        this.meters = meters;
    }

    public Run evaluateNow() {
        return evaluate(clock.instant());
    }

    public Run evaluate(Instant at) {
        var terms = graph.read(open::allTerms);
        var signatures = new HashMap<String, String>();
        terms.forEach((id, t) -> signatures.put(id, signature(t)));
        var posts = new HashMap<CaseEventStore.UnitItem, String>();
        var recipients = new HashMap<String, Set<String>>();
        var total = new int[5];
        long openAtStart = graph.read(open::countOpen);
        long atMillis = at.toEpochMilli();
        String after = "";
        while (true) {
            String from = after;
            var page = new ArrayList<String>();
            var raisedNow = new ArrayList<Signal>();
            var recorded = graph.write(() -> {
                raisedNow.clear();
                page.clear();
                locks.job("supervision-evaluation");
                var read = open.page(from, PAGE, signatures, atMillis);
                read.forEach(c -> page.add(c.id()));
                return evaluatePage(read, at, terms, signatures, posts, recipients, total, raisedNow);
            });
            raisedNow.forEach(signal -> meters.counter(
                            "dutygraph.supervision.signals",
                            "level",
                            signal.level().name(),
                            "rule",
                            signal.rule().name())
                    .increment());
            if (!recorded.isEmpty()) effects.deliver(recorded);
            if (page.size() < PAGE) break;
            after = page.get(page.size() - 1);
        }
        // quiet cases are skipped in the database: the open cases not read were those
        int cases = (int) Math.max(openAtStart, total[0]);
        return new Run(cases, total[1], total[2], total[3], cases - total[0]);
    }

    private List<String> evaluatePage(
            List<OpenCaseStore.OpenCase> read,
            Instant at,
            Map<String, PowerItemTerms> terms,
            Map<String, String> signatures,
            Map<CaseEventStore.UnitItem, String> posts,
            Map<String, Set<String>> recipients,
            int[] total,
            List<Signal> raisedNow) {
        var unresolved = read.stream()
                .map(c -> new CaseEventStore.UnitItem(c.unitId(), c.powerItemId()))
                .filter(pair -> !posts.containsKey(pair))
                .collect(Collectors.toSet());
        if (!unresolved.isEmpty()) {
            var found = cases.responsiblePosts(unresolved);
            // "" for a pair without one: looked up once all the same
            unresolved.forEach(pair -> posts.put(pair, found.getOrDefault(pair, "")));
        }
        var raised = new LinkedHashMap<String, Signal>();
        var cleared = new HashMap<String, Instant>();
        var closed = new ArrayList<String>();
        var endings = new HashMap<String, CaseEnding>();
        var quiet = new HashMap<String, OpenCaseStore.Quiet>();
        for (var c : read) {
            var stored = c.signals();
            var evaluated = engine.run(
                    c.events(),
                    terms.getOrDefault(c.powerItemId(), new PowerItemTerms(c.powerItemId(), null, null, Set.of())),
                    (unit, item) -> posts.get(new CaseEventStore.UnitItem(unit, item)),
                    at);
            var found = evaluated.signals();
            if (evaluated.ending() != null) endings.put(c.id(), evaluated.ending());
            var ids = ids(c.id(), found, stored);
            for (int i = 0; i < found.size(); i++) {
                var signal = withoutEmptyPost(found.get(i));
                var id = ids.get(i);
                var was = stored.get(id);
                if (was == null) raised.put(id, signal);
                else if (!was.cleared() && signal.clearedAt() != null) cleared.put(id, signal.clearedAt());
            }
            boolean ended = c.events().stream()
                    .anyMatch(e -> e.kind().ends() && !e.at().toInstant().isAfter(at));
            // a signal raised after the end (a fee charged then) stays open, but nothing on the case can clear it
            var ending = evaluated.ending();
            boolean closes = ended
                    && found.stream()
                            .allMatch(s -> s.clearedAt() != null
                                    || ending != null && !s.raisedAt().isBefore(ending.endedAt()));
            if (closes) closed.add(c.id());
            var until = evaluated.quietUntil();
            if (until != null && !closes) {
                quiet.put(
                        c.id(),
                        new OpenCaseStore.Quiet(
                                signatures.getOrDefault(c.powerItemId(), ""),
                                until == SignalEngine.Evaluated.NEVER ? null : until.toEpochMilli()));
            }
        }
        if (!raised.isEmpty()) signals.create(raised);
        raisedNow.addAll(raised.values());
        if (!cleared.isEmpty()) signals.clear(cleared);
        if (!endings.isEmpty()) cases.recordEndings(endings);
        if (!closed.isEmpty()) cases.close(closed);
        if (!quiet.isEmpty()) open.quiet(quiet);
        notices.lookUp(
                raised.values().stream().filter(s -> s.clearedAt() == null).toList(), recipients);
        var requests = new ArrayList<NotificationRequest>();
        var redCards = new ArrayList<SupervisionRedCard>();
        raised.forEach((id, s) -> {
            if (s.clearedAt() == null) requests.addAll(notices.requests(id, s, recipients));
            if (s.level() == Signal.Level.red) {
                redCards.add(new SupervisionRedCard(
                        id,
                        s.rule().name(),
                        s.caseId(),
                        s.powerItemId(),
                        s.unitId(),
                        s.postId(),
                        s.raisedAt(),
                        s.due()));
            }
        });
        if (!requests.isEmpty()) notifications.enqueue(requests);
        var recorded = redCards.isEmpty() ? List.<String>of() : effects.recordAll(redCards);
        total[0] += read.size();
        total[1] += raised.size();
        total[2] += cleared.size();
        total[3] += closed.size();
        return recorded;
    }

    /** The terms a settled case was evaluated under: when they change, it is evaluated again. */
    static String signature(PowerItemTerms t) {
        if (t == null) return "";
        return t.statutoryDays() + "|" + t.committedDays() + "|" + String.join("\u0001", new TreeSet<>(t.feeItems()));
    }

    /** A stored signal of a case: whether it is cleared, and when it was raised. */
    record Stored(boolean cleared, Instant raisedAt) {}

    /**
     * The ids of a case's signals found now, given those stored before. A signal raised when a stored one of its rule
     * was keeps that one's id; the others keep the id {@link #ids(String, List)} gives them when that id is stored
     * and not taken yet (a late event that moved a limit moves its signal: it is the same signal, stored already);
     * the rest are new, numbered after the rule's highest stored number. Before, ids were only positional, and an
     * event arriving late, dated before signals already stored, shifted them: one fee's red card took the id of
     * another, a stored card was marked cleared before it was raised, one was sent twice and another never.
     */
    static List<String> ids(String caseId, List<Signal> found, Map<String, Stored> stored) {
        var positional = ids(caseId, found);
        if (stored.isEmpty()) return positional;
        var order = timeOrder(found);
        var ids = new String[found.size()];
        var taken = new HashSet<String>();
        var highest = new EnumMap<Signal.Rule, Integer>(Signal.Rule.class);
        var byRuleAndTime = new HashMap<RuleAt, List<String>>();
        stored.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            var id = e.getKey();
            int slash = id.lastIndexOf('/');
            int ruleStart = id.lastIndexOf('/', slash - 1) + 1;
            Signal.Rule rule;
            int n;
            try {
                rule = Signal.Rule.valueOf(id.substring(ruleStart, slash));
                n = Integer.parseInt(id.substring(slash + 1));
            } catch (RuntimeException notOurs) {
                return;
            }
            highest.merge(rule, n, Math::max);
            byRuleAndTime
                    .computeIfAbsent(new RuleAt(rule, e.getValue().raisedAt()), k -> new ArrayList<>())
                    .add(id);
        });
        for (int i : order) {
            var same = byRuleAndTime.get(
                    new RuleAt(found.get(i).rule(), found.get(i).raisedAt()));
            if (same == null) continue;
            for (var id : same) {
                if (taken.add(id)) {
                    ids[i] = id;
                    break;
                }
            }
        }
        for (int i : order) {
            if (ids[i] == null && stored.containsKey(positional.get(i)) && taken.add(positional.get(i))) {
                ids[i] = positional.get(i);
            }
        }
        for (int i : order) {
            if (ids[i] != null) continue;
            var rule = found.get(i).rule();
            ids[i] = caseId + "/" + rule.name() + "/" + highest.merge(rule, 1, Integer::sum);
        }
        return List.of(ids);
    }

    private record RuleAt(Signal.Rule rule, Instant raisedAt) {}

    private static List<Integer> timeOrder(List<Signal> found) {
        var order = new ArrayList<Integer>(found.size());
        for (int i = 0; i < found.size(); i++) order.add(i);
        order.sort(Comparator.<Integer, Instant>comparing(i -> found.get(i).raisedAt())
                .thenComparing(i -> found.get(i).due(), Comparator.nullsFirst(Comparator.naturalOrder())));
        return order;
    }

    /**
     * case/rule/n: the n-th signal of that rule in the case by the time it was raised (then due, then as found). An
     * evaluation at an earlier moment finds the signals raised by then, the first ones in this order, so their ids do
     * not depend on when the case was evaluated before; the engine's own order does (two yellows found in one stretch
     * come out by rule, not by time, and so do their red cards).
     */
    static List<String> ids(String caseId, List<Signal> found) {
        var order = timeOrder(found);
        var ids = new String[found.size()];
        var counts = new EnumMap<Signal.Rule, Integer>(Signal.Rule.class);
        for (int i : order) {
            var rule = found.get(i).rule();
            ids[i] = caseId + "/" + rule.name() + "/" + counts.merge(rule, 1, Integer::sum);
        }
        return List.of(ids);
    }

    private static Signal withoutEmptyPost(Signal s) {
        return "".equals(s.postId())
                ? new Signal(
                        s.caseId(), s.rule(), s.powerItemId(), s.unitId(), null, s.raisedAt(), s.due(), s.clearedAt())
                : s;
    }
}
