package org.dutygraph.conflicts.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.dutygraph.conflicts.engine.Finding.RoleEvidence;
import org.dutygraph.conflicts.engine.Finding.Side;
import org.dutygraph.conflicts.engine.Finding.Source;
import org.dutygraph.platform.i18n.Text;

/**
 * Role conflicts: one unit both enforces (punishes, coerces, inspects) and oversees enforcement (legal review,
 * reconsideration) of the same or nested objects: enforcement and its oversight should be separated. Where one of
 * the two duties has no coded object, they are about the same thing when they exercise the same power item or the
 * uncoded one's wording names the other's object (or a broader one), and that link is part of the evidence. A duty
 * enforces by its action's label, by the categories of the power items it exercises or by its wording; it
 * oversees by its action's label or its wording. Oversight wins when a duty shows both (a legal review of
 * penalty decisions is oversight). Each finding lists the evidence that made it.
 */
final class RoleConflictAnalyzer {

    private final Projection p;
    private final Findings findings;
    private final EngineSettings settings;
    /** Per concept, the first oversight / enforcement word its label contains ({@link #NONE} for none), once looked up. */
    private final String[] oversightLabelWord;

    private final String[] enforcementLabelWord;

    /** Compared by identity: a configured word may itself be empty. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NONE = new String("");

    RoleConflictAnalyzer(Findings findings, EngineSettings settings) {
        this.p = findings.p;
        this.findings = findings;
        this.settings = settings;
        this.oversightLabelWord = new String[p.concepts.size()];
        this.enforcementLabelWord = new String[p.concepts.size()];
    }

    void run() {
        runOn(IntStream.range(0, p.dutyCount()).boxed().toList());
    }

    /** Role conflicts within the units of the given duties, which must be all the duties of those units. */
    void runOn(Collection<Integer> duties) {
        var evidence = new HashMap<Integer, List<RoleEvidence>>();
        var enforcing = new HashMap<Integer, List<Integer>>();
        var overseeing = new HashMap<Integer, List<Integer>>();
        for (int d : duties) {
            if (p.dutyUnit[d] < 0) continue;
            var reasons = oversight(d);
            var side = overseeing;
            if (reasons.isEmpty()) {
                reasons = enforcement(d);
                side = enforcing;
            }
            if (reasons.isEmpty()) continue;
            evidence.put(d, reasons);
            side.computeIfAbsent(p.dutyUnit[d], k -> new ArrayList<>()).add(d);
        }
        overseeing.forEach((unit, reviews) -> {
            for (int enforce : enforcing.getOrDefault(unit, List.of())) {
                for (int review : reviews) {
                    if (p.dutyObjects[enforce].length > 0 && p.dutyObjects[review].length > 0) {
                        onNestedObjects(unit, enforce, review, evidence);
                    } else {
                        withoutCodedObject(unit, enforce, review, evidence);
                    }
                }
            }
        });
    }

    private void onNestedObjects(int unit, int enforce, int review, Map<Integer, List<RoleEvidence>> evidence) {
        for (int o1 : p.dutyObjects[enforce]) {
            for (int o2 : p.dutyObjects[review]) {
                if (Projection.nested(p.conceptParent, o1, o2)) report(unit, enforce, review, o1, o2, evidence);
            }
        }
    }

    /**
     * A pair where a duty has no coded object is about the same thing when both exercise the same power item, or
     * when the uncoded one's wording names an object of the other (or one broader); the link is added to the
     * uncoded duty's evidence, so the finding says why it was made.
     */
    private void withoutCodedObject(int unit, int enforce, int review, Map<Integer, List<RoleEvidence>> evidence) {
        for (int item : p.dutyPowerItems[enforce]) {
            for (int other : p.dutyPowerItems[review]) {
                if (item != other) continue;
                var link = new RoleEvidence(
                        p.duties.id(p.dutyObjects[review].length == 0 ? review : enforce),
                        p.dutyObjects[review].length == 0 ? Side.OVERSIGHT : Side.ENFORCEMENT,
                        Source.SAME_POWER_ITEM,
                        p.powerItems.id(item),
                        p.powerItemNames.get(item));
                reportLinked(
                        unit,
                        enforce,
                        review,
                        "item:" + p.powerItems.id(item),
                        p.powerItemNames.get(item),
                        link,
                        evidence);
                return;
            }
        }
        int coded = p.dutyObjects[enforce].length > 0 ? enforce : p.dutyObjects[review].length > 0 ? review : -1;
        if (coded < 0) return;
        int uncoded = coded == enforce ? review : enforce;
        var text = p.dutyTexts.get(uncoded);
        if (text == null) return;
        for (int object : p.dutyObjects[coded]) {
            for (int c = object, guard = 0; c >= 0 && guard < 1_000; c = p.conceptParent[c], guard++) {
                var label = p.conceptLabels.get(c);
                if (label == null || label.isBlank() || !text.contains(label)) continue;
                var link = new RoleEvidence(
                        p.duties.id(uncoded),
                        uncoded == enforce ? Side.ENFORCEMENT : Side.OVERSIGHT,
                        Source.OBJECT_IN_TEXT,
                        p.concepts.id(c),
                        label);
                reportLinked(unit, enforce, review, p.concepts.id(c), label, link, evidence);
                return;
            }
        }
    }

    private List<RoleEvidence> oversight(int d) {
        var reasons = new ArrayList<RoleEvidence>();
        actionLabel(d, settings.oversightWords(), Side.OVERSIGHT, reasons);
        text(d, settings.oversightTextWords(), Side.OVERSIGHT, reasons);
        return reasons;
    }

    private List<RoleEvidence> enforcement(int d) {
        var reasons = new ArrayList<RoleEvidence>();
        actionLabel(d, settings.enforcementWords(), Side.ENFORCEMENT, reasons);
        for (int item : p.dutyPowerItems[d]) {
            var category = p.powerItemCategories.get(item);
            if (category != null && settings.enforcementCategories().contains(category)) {
                reasons.add(new RoleEvidence(
                        p.duties.id(d), Side.ENFORCEMENT, Source.POWER_ITEM_CATEGORY, p.powerItems.id(item), category));
            }
        }
        text(d, settings.enforcementTextWords(), Side.ENFORCEMENT, reasons);
        return reasons;
    }

    /** The first word found in the label of the duty's action or of its nearest broader action. */
    private void actionLabel(int d, List<String> words, Side side, List<RoleEvidence> reasons) {
        var memo = side == Side.OVERSIGHT ? oversightLabelWord : enforcementLabelWord;
        for (int c = p.dutyAction[d], guard = 0; c >= 0 && guard < 1_000; c = p.conceptParent[c], guard++) {
            if (memo[c] == null) {
                var found = firstIn(p.conceptLabels.get(c), words);
                memo[c] = found == null ? NONE : found;
            }
            var word = memo[c] == NONE ? null : memo[c];
            if (word != null) {
                reasons.add(new RoleEvidence(p.duties.id(d), side, Source.ACTION_LABEL, p.concepts.id(c), word));
                return;
            }
        }
    }

    private void text(int d, List<String> words, Side side, List<RoleEvidence> reasons) {
        var word = firstIn(p.dutyTexts.get(d), words);
        if (word != null) reasons.add(new RoleEvidence(p.duties.id(d), side, Source.DUTY_TEXT, null, word));
    }

    private static String firstIn(String text, List<String> words) {
        if (text == null) return null;
        for (int i = 0; i < words.size(); i++) {
            if (text.contains(words.get(i))) return words.get(i);
        }
        return null;
    }

    private void report(int unit, int enforce, int review, int o1, int o2, Map<Integer, List<RoleEvidence>> why) {
        var broader = Projection.isAncestorOrSelf(p.conceptParent, o1, o2) ? o1 : o2;
        var draft = drafted(unit, enforce, review, p.concepts.id(broader), findings.concept(broader), why);
        draft.evidence.add("(" + p.duties.id(enforce) + ")-[:ON_OBJECT]->(" + p.concepts.id(o1) + "), ("
                + p.duties.id(review) + ")-[:ON_OBJECT]->(" + p.concepts.id(o2) + "), both in " + p.units.id(unit));
    }

    /** A pair linked by a shared power item or an object named in the wording: the link is its evidence. */
    private void reportLinked(
            int unit,
            int enforce,
            int review,
            String subjectId,
            String subject,
            RoleEvidence link,
            Map<Integer, List<RoleEvidence>> why) {
        var draft = drafted(unit, enforce, review, subjectId, subject, why);
        draft.roleEvidence.add(link);
        draft.evidence.add(pattern(link) + ", both in " + p.units.id(unit));
    }

    /** The finding of {@code unit} about {@code subjectId} (a concept, or item:id), with both duties' evidence. */
    private Findings.Draft drafted(
            int unit, int enforce, int review, String subjectId, String subject, Map<Integer, List<RoleEvidence>> why) {
        var draft =
                findings.draft(Finding.Kind.ROLE_CONFLICT, p.units.id(unit) + "|" + subjectId, Finding.Severity.HIGH);
        draft.duty(enforce).duty(review);
        draft.arbiterUnits = List.of(unit);
        for (int d : new int[] {enforce, review}) {
            for (var reason : why.get(d)) {
                draft.roleEvidence.add(reason);
                draft.evidence.add(pattern(reason));
            }
        }
        draft.explain(Text.of(
                ExplanationTexts.ROLE_CONFLICT,
                findings.unit(unit),
                subject,
                describe(enforce, why.get(enforce).get(0)),
                describe(review, why.get(review).get(0)),
                p.units.id(unit),
                byId(why.get(enforce).get(0)),
                byId(why.get(review).get(0)),
                subjectId.startsWith("item:") ? subjectId.substring(5) : subjectId));
        return draft;
    }

    /** The enforcement or oversight as the Chinese text names it: the action, else the matched word. */
    private String describe(int d, RoleEvidence first) {
        return p.dutyAction[d] >= 0 && first.source() == Source.ACTION_LABEL
                ? findings.concept(p.dutyAction[d])
                : first.matched();
    }

    /** The evidence as the English text names it: by ids, and a category by its code. */
    private static String byId(RoleEvidence e) {
        return switch (e.source()) {
            case ACTION_LABEL -> e.subjectId();
            case POWER_ITEM_CATEGORY -> e.subjectId() + ", " + e.matched();
            case DUTY_TEXT -> e.dutyId();
            case SAME_POWER_ITEM, OBJECT_IN_TEXT -> e.subjectId();
        };
    }

    /** The evidence as a Cypher-like pattern over bundle ids, like every finding's evidence. */
    private static String pattern(RoleEvidence e) {
        var side = e.side().name().toLowerCase();
        return switch (e.source()) {
            case ACTION_LABEL ->
                side + ": (" + e.dutyId() + ")-[:ACTION]->(" + e.subjectId() + ") label contains '" + e.matched() + "'";
            case POWER_ITEM_CATEGORY ->
                side + ": (" + e.dutyId() + ")-[:EXERCISES]->(" + e.subjectId() + " {category: '" + e.matched() + "'})";
            case DUTY_TEXT -> side + ": (" + e.dutyId() + ").text contains '" + e.matched() + "'";
            case SAME_POWER_ITEM ->
                "same item: (" + e.dutyId() + ", no coded object)-[:EXERCISES]->(" + e.subjectId()
                        + ") as the other duty";
            case OBJECT_IN_TEXT ->
                "same object: (" + e.dutyId() + ", no coded object).text contains '" + e.matched() + "', the label of ("
                        + e.subjectId() + ")";
        };
    }
}
