package org.dutygraph.inspections;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Component;

/**
 * The checklists shipped as templates; plans copy a template's items or bring their own (checklists are data). A
 * template's texts come from the message catalogue: plans store them in Chinese (the version is the hash of those),
 * and a reader who asks for English reads an item in English as long as it is the template's item unchanged. A plan's
 * own items are shown as written.
 */
@Component
public class Checklists {

    public record Item(String code, String norm, String question) {}

    public record Template(String id, String name, List<Item> items) {}

    /** A checklist as assignments reference it: a given id and version always have the same items. */
    public record Checklist(String id, String version, List<Item> items) {}

    private static final List<String> WINDOW_NORMS = List.of(
            "WINDOW_PROHIBITIONS",
            "WINDOW_APPEARANCE",
            "WINDOW_MANNERS",
            "WINDOW_LANGUAGE",
            "WINDOW_DRESS",
            "WINDOW_DESK_ORDER",
            "WINDOW_APPROVAL_CONDUCT");
    private static final List<String> WORK_RULES = List.of("ATTENDANCE", "FIRST_INQUIRY", "TIME_LIMITED");

    private final List<Template> templates;
    private final Map<String, ChecklistTexts> names;
    private final Map<String, Item> shipped;

    Checklists(Messages messages) {
        Function<String, Item> item = code -> new Item(
                code,
                messages.chinese(Text.of(ChecklistTexts.norm(code))),
                messages.chinese(Text.of(ChecklistTexts.question(code))));
        names = Map.of(
                "window-norms",
                ChecklistTexts.WINDOW_NORMS_NAME,
                "work-rules",
                ChecklistTexts.WORK_RULES_NAME,
                "service-hall",
                ChecklistTexts.SERVICE_HALL_NAME);
        templates = List.of(
                template("window-norms", WINDOW_NORMS, item, messages),
                template("work-rules", WORK_RULES, item, messages),
                template("service-hall", concat(WINDOW_NORMS, WORK_RULES), item, messages));
        shipped = templates.stream()
                .flatMap(t -> t.items().stream())
                .collect(Collectors.toUnmodifiableMap(Item::code, i -> i, (a, b) -> a));
    }

    private Template template(String id, List<String> codes, Function<String, Item> item, Messages messages) {
        return new Template(
                id,
                messages.chinese(Text.of(names.get(id))),
                codes.stream().map(item).toList());
    }

    public List<Template> templates() {
        return templates;
    }

    public Optional<Template> template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** A template's name in the reader's language. */
    public Text name(Template template) {
        var key = names.get(template.id());
        return key == null ? Text.verbatim(template.name()) : Text.of(key);
    }

    /** An item's norm in the reader's language: a shipped item's from the catalogue, anything else as written. */
    public Text norm(Item item) {
        var same = shipped.get(item.code());
        return same != null && same.equals(item)
                ? Text.of(ChecklistTexts.norm(item.code()))
                : Text.verbatim(item.norm());
    }

    /** An item's question in the reader's language (see {@link #norm}). */
    public Text question(Item item) {
        var same = shipped.get(item.code());
        return same != null && same.equals(item)
                ? Text.of(ChecklistTexts.question(item.code()))
                : Text.verbatim(item.question());
    }

    /** The id of a plan's checklist: its template's, or one of its own when the plan brought its items. */
    static String idOf(String templateId, String planId) {
        return templateId != null ? templateId : "plan-" + planId;
    }

    /** The version of a checklist: a hash of its items, so that what a phone cached by id and version stays right. */
    static String version(List<Item> items) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(InspectionJson.JSON
                            .writeValueAsString(items)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
