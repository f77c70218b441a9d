package org.dutygraph.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dutygraph.accountability.AccountabilityChains;
import org.dutygraph.cases.CaseViews.CaseView;
import org.dutygraph.cases.CaseViews.ChainLink;
import org.dutygraph.cases.CaseViews.Step;
import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.dutygraph.platform.graphql.TimeKeys;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.platform.neo4j.LockStore;
import org.springframework.stereotype.Service;

/**
 * Opens cases: from another feature's event (through an effect handler of this module: a draft for the office to
 * confirm, or registered at once where the catalogue says so for that source), or by hand from a clue (registered).
 * A case names the post and the person at the time of the act and the chain to the principal leader as it stood then.
 */
@Service
public class CaseOpenings {

    /** What a source knows when it opens a case; {@code evidenceCode} picks the situation (a complaint category, a checklist code). */
    public record SourceOpening(
            String kind,
            String sourceId,
            String reference,
            String unitId,
            String postId,
            String badgeNumber,
            Instant occurredAt,
            String evidenceCode,
            String summary) {}

    /** {@code unitMissedDeadline}: the unit did not act on the matter by this day, so the office opened the case itself. */
    public record ByHand(
            String channel,
            String reference,
            String summary,
            String postId,
            String badgeNumber,
            LocalDate actDate,
            String situationCode,
            LocalDate unitMissedDeadline) {}

    public record Opened(CaseView acase, List<UserError> errors) {}

    /** The post and person a case names, resolved for the day of the act. */
    record Concerned(String postId, String personId, List<UserError> errors) {}

    private static final int MAX_SUMMARY = 2000;
    private static final int MAX_REFERENCE = 200;

    private final GraphTransactions graph;
    private final LockStore locks;
    private final CaseStore store;
    private final SituationCatalogues catalogues;
    private final AccountabilityChains chains;
    private final CaseAudiences audiences;
    private final CasePushes pushes;
    private final Clock clock;

    CaseOpenings(
            GraphTransactions graph,
            LockStore locks,
            CaseStore store,
            SituationCatalogues catalogues,
            AccountabilityChains chains,
            CaseAudiences audiences,
            CasePushes pushes,
            Clock clock) {
        this.pushes = pushes;
        this.graph = graph;
        this.locks = locks;
        this.store = store;
        this.catalogues = catalogues;
        this.chains = chains;
        this.audiences = audiences;
        this.clock = clock;
    }

    /** Opens the case of a source once (a repeated delivery opens nothing); joins the caller's transaction. */
    public void openFromSource(SourceOpening o) {
        openFromSources(List.of(o));
    }

    /**
     * Opens the case of each source once (one already opened, or listed before in {@code openings}, opens nothing),
     * all in the caller's transaction, with one allocation of case numbers: many red cards of one evaluation are a
     * few statements, not a transaction each.
     */
    public void openFromSources(List<SourceOpening> openings) {
        if (openings.isEmpty()) {
            return;
        }
        graph.write(() -> {
            locks.jobs(openings.stream().map(CaseOpenings::sourceLock).toList());
            var opened = new HashSet<>(store.openedSources(
                    openings.stream().map(o -> List.of(o.kind(), o.sourceId())).toList()));
            var inForce = catalogues.inForce(openings.stream().map(this::dayOf).collect(Collectors.toSet()));
            var lookups = new OpeningLookups(chains, store);
            lookups.prefetch(openings.stream()
                    .filter(o -> o.postId() != null)
                    .map(o -> new AccountabilityChains.PostDay(o.postId(), dayOf(o)))
                    .collect(Collectors.toSet()));
            var concernedOn = new HashMap<List<Object>, Concerned>();
            var cases = new ArrayList<NewCase>();
            for (var o : openings) {
                // a source listed twice in one batch opens once, as a second delivery would
                if (!opened.add(CaseStore.sourceKey(o.kind(), o.sourceId()))) {
                    continue;
                }
                var day = dayOf(o);
                var catalogue = inForce.get(day);
                var situation = catalogue.flatMap(c -> c.catalogue().evidencedBy(o.kind(), o.evidenceCode()));
                var concerned = concernedOn.computeIfAbsent(
                        Arrays.asList(o.postId(), o.badgeNumber(), day),
                        k -> concerned(o.postId(), o.badgeNumber(), day, lookups));
                boolean direct = catalogue.isPresent()
                        && catalogue.get().catalogue().openDirectly().contains(o.kind())
                        && situation.isPresent()
                        && concerned.errors().isEmpty();
                var props = new HashMap<String, Object>();
                props.put("sourceKind", o.kind());
                props.put("sourceId", o.sourceId());
                props.put("sourceReference", o.reference());
                props.put("summary", o.summary());
                props.put("actDate", day.toString());
                if (situation.isPresent()) {
                    props.putAll(situationProperties(catalogue.get().version(), situation.get()));
                }
                if (o.unitId() != null) {
                    props.put("unitId", o.unitId());
                }
                cases.add(new NewCase(props, concerned, day, direct ? "REGISTERED" : "DRAFT"));
            }
            lookups.prefetchNames(cases.stream()
                    .map(c -> c.concerned().personId())
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            createAll(cases, "system", lookups);
        });
    }

    private LocalDate dayOf(SourceOpening o) {
        return o.occurredAt().atZone(clock.getZone()).toLocalDate();
    }

    private static String sourceLock(SourceOpening o) {
        return "case-source:" + o.kind() + ":" + o.sourceId();
    }

    public Opened openByHand(CaseCaller caller, ByHand input) {
        if (!audiences.office(caller)) {
            throw new NotAuthorizedException(true, org.dutygraph.platform.i18n.Text.of(CaseTexts.OFFICE_ONLY));
        }
        var errors = new ArrayList<UserError>();
        if (input.channel() == null || !CaseSources.CLUE_CHANNELS.contains(input.channel())) {
            errors.add(CaseTexts.UNKNOWN_VALUE.at("input", "channel"));
        }
        text(input.reference(), MAX_REFERENCE, true, errors, "input", "reference");
        text(input.summary(), MAX_SUMMARY, true, errors, "input", "summary");
        if (input.actDate() == null) {
            errors.add(CaseTexts.REQUIRED.at("input", "actDate"));
        } else if (input.actDate().isAfter(LocalDate.now(clock))) {
            errors.add(CaseTexts.FUTURE_DATE.at("input", "actDate"));
        }
        if (!errors.isEmpty()) {
            return new Opened(null, errors);
        }
        return graph.write(() -> {
            var catalogue = catalogues.inForce(input.actDate());
            if (catalogue.isEmpty()) {
                return new Opened(null, List.of(CaseTexts.NO_CATALOGUE.at("input", "actDate")));
            }
            var situation =
                    catalogue.get().catalogue().situation(input.situationCode() == null ? "" : input.situationCode());
            var concerned = concerned(input.postId(), input.badgeNumber(), input.actDate());
            var problems = new ArrayList<>(concerned.errors());
            if (situation.isEmpty()) {
                problems.add(0, CaseTexts.UNKNOWN_SITUATION.at("input", "situationCode"));
            }
            if (!problems.isEmpty()) {
                return new Opened(null, problems);
            }
            var props = new HashMap<String, Object>();
            props.put("sourceKind", CaseSources.CLUE);
            props.put("sourceReference", input.reference());
            props.put("clueChannel", input.channel());
            if (input.unitMissedDeadline() != null) {
                props.put("unitMissedDeadline", input.unitMissedDeadline().toString());
            }
            props.put("summary", input.summary());
            props.put("actDate", input.actDate().toString());
            props.putAll(situationProperties(catalogue.get().version(), situation.get()));
            var id = create(props, concerned, input.actDate(), "REGISTERED", caller.username());
            return new Opened(
                    store.get(id, clock.instant()).orElseThrow().seenBy(CaseViews.Audience.OFFICE), List.of());
        });
    }

    /** The post (given, or the badge's on that day) and the person (the badge's, or the post's sole holder that day). */
    Concerned concerned(String postId, String badge, LocalDate day) {
        return concerned(postId, badge, day, new OpeningLookups(chains, store));
    }

    private Concerned concerned(String postId, String badge, LocalDate day, OpeningLookups lookups) {
        var post = postId;
        if (post == null && badge != null) {
            post = chains.postOfBadge(badge, day).orElse(null);
        }
        if (post == null) {
            return new Concerned(
                    null, null, List.of(CaseTexts.NO_POST.at("input", postId == null ? "badgeNumber" : "postId")));
        }
        if (lookups.unitOfPost(post).isEmpty()) {
            return new Concerned(null, null, List.of(CaseTexts.UNKNOWN_POST.at("input", "postId")));
        }
        String person = badge != null && lookups.personName(badge).isPresent() ? badge : null;
        if (person == null) {
            var chain = lookups.trace(post, day);
            person = chain.isEmpty() ? null : chain.get(0).personId();
        }
        if (person == null) {
            return new Concerned(post, null, List.of(CaseTexts.NO_PERSON.at("input", "badgeNumber")));
        }
        return new Concerned(post, person, List.of());
    }

    /** Puts post, person, unit and chain as they were on {@code day} into the case's properties. */
    Map<String, Object> concernedProperties(Concerned concerned, LocalDate day) {
        return concernedProperties(concerned, day, new OpeningLookups(chains, store));
    }

    private Map<String, Object> concernedProperties(Concerned concerned, LocalDate day, OpeningLookups lookups) {
        var props = new HashMap<String, Object>();
        if (concerned.postId() == null) {
            return props;
        }
        var traced = lookups.trace(concerned.postId(), day);
        var unit = lookups.unitOfPost(concerned.postId()).orElseThrow();
        props.put("unitId", unit.id());
        props.put("unitName", unit.name());
        props.put("postId", concerned.postId());
        props.put("postLabel", traced.isEmpty() ? null : traced.get(0).post().label());
        if (concerned.personId() != null) {
            props.put("personId", concerned.personId());
            props.put("personName", lookups.personName(concerned.personId()).orElse(null));
        }
        var links = traced.stream()
                .map(t -> new ChainLink(t.role(), t.post().id(), t.post().label(), t.personId(), t.personName()))
                .toList();
        props.put("chain", SituationCatalogues.JSON.writeValueAsString(links));
        return props;
    }

    /** The situation a case recorded, written again onto a case opened from it. */
    static Map<String, Object> situationProperties(CaseViews.SituationRef s) {
        return situationProperties(s.catalogueVersion(), asSituation(s));
    }

    /** The situation a case recorded (wording and measure range as of its catalogue version). */
    static Catalogue.Situation asSituation(CaseViews.SituationRef s) {
        return new Catalogue.Situation(
                s.code(),
                s.area(),
                s.wording(),
                List.of(),
                null,
                s.measureFrom(),
                s.measureTo(),
                s.suspendFirst(),
                Catalogue.Bindings.NONE);
    }

    static Map<String, Object> situationProperties(int version, Catalogue.Situation s) {
        var props = new HashMap<String, Object>();
        props.put("catalogueVersion", version);
        props.put("situationCode", s.code());
        props.put("situationArea", s.area());
        props.put("situationWording", s.wording());
        props.put("measureFrom", s.measureFrom());
        props.put("measureTo", s.measureTo());
        props.put("suspendFirst", s.suspendFirst());
        return props;
    }

    /** A case to create: its properties so far, the post and person concerned, the day of the act, its status. */
    record NewCase(Map<String, Object> props, Concerned concerned, LocalDate day, String status) {}

    /** Creates a case (call inside the write): the concerned post's and person's properties of {@code day} added. */
    String create(Map<String, Object> props, Concerned concerned, LocalDate day, String status, String by) {
        return createAll(List.of(new NewCase(props, concerned, day, status)), by, new OpeningLookups(chains, store))
                .get(0);
    }

    /** Creates these cases with consecutive numbers of this year (call inside the write); returns their ids. */
    private List<String> createAll(List<NewCase> cases, String by, OpeningLookups lookups) {
        if (cases.isEmpty()) {
            return List.of();
        }
        long now = clock.millis();
        locks.job("case-number");
        var numbers = store.nextNumbers(clock.instant().atZone(clock.getZone()).getYear(), cases.size());
        var chainsOn = new HashMap<List<Object>, Map<String, Object>>();
        var rows = new ArrayList<Map<String, Object>>();
        var steps = new ArrayList<Step>();
        var ids = new ArrayList<String>();
        for (int i = 0; i < cases.size(); i++) {
            var c = cases.get(i);
            var id = UUID.randomUUID().toString();
            var props = c.props();
            props.putAll(chainsOn.computeIfAbsent(
                    Arrays.asList(c.concerned().postId(), c.concerned().personId(), c.day()),
                    k -> concernedProperties(c.concerned(), c.day(), lookups)));
            props.put("id", id);
            props.put("number", numbers.get(i));
            props.put("key", TimeKeys.key(now, id));
            props.put("status", c.status());
            props.put("registered", c.status().equals("REGISTERED"));
            props.put("openedBy", by);
            props.put("openedAt", now);
            rows.add(props);
            steps.add(new Step(
                    id,
                    "OPEN",
                    c.status(),
                    by,
                    TimeKeys.utc(now),
                    props.get("sourceKind").toString(),
                    TimeKeys.key(now, UUID.randomUUID().toString())));
            ids.add(id);
        }
        store.createAll(rows);
        store.addSteps(steps);
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).status().equals("REGISTERED")) {
                pushes.tell(ids.get(i), cases.get(i).concerned().personId(), CasePushes.Step.REGISTERED);
            }
        }
        return ids;
    }

    static void text(String value, int max, boolean required, List<UserError> errors, String... path) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(CaseTexts.REQUIRED.at(path));
            }
        } else if (value.length() > max) {
            errors.add(CaseTexts.TOO_LONG.at(path));
        }
    }
}
