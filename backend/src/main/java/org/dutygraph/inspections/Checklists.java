package org.dutygraph.inspections;

import java.util.List;
import java.util.Optional;

/** The checklists shipped as templates; plans copy a template's items or bring their own (checklists are data). */
public final class Checklists {

    public record Item(String code, String norm, String question) {
    }

    public record Template(String id, String name, List<Item> items) {
    }

    /** A checklist as assignments reference it: a given id and version always have the same items. */
    public record Checklist(String id, String version, List<Item> items) {
    }

    private static final List<Item> WINDOW_NORMS = List.of(
            new Item("WINDOW_PROHIBITIONS", "禁止性规范", "No prohibited conduct at the window (eating, games, leaving the post, refusing without reason)?"),
            new Item("WINDOW_APPEARANCE", "仪表规范", "Neat appearance, badge worn?"),
            new Item("WINDOW_MANNERS", "举止规范", "Standing or rising to greet, polite gestures?"),
            new Item("WINDOW_LANGUAGE", "语言规范", "Courteous language, no harsh or evasive words?"),
            new Item("WINDOW_DRESS", "着装规范", "Uniform or working dress as required?"),
            new Item("WINDOW_DESK_ORDER", "摆放规范", "Desk and materials in order, name plate shown?"),
            new Item("WINDOW_APPROVAL_CONDUCT", "审批行为规范", "Approval by the published procedure, no extra requirements or fees?"));

    private static final List<Item> WORK_RULES = List.of(
            new Item("ATTENDANCE", "考勤", "Staff on post during working hours?"),
            new Item("FIRST_INQUIRY", "首问负责制", "Whoever was asked first saw the matter through?"),
            new Item("TIME_LIMITED", "限时办结制", "Matters completed within the committed time?"));

    public static final List<Template> TEMPLATES = List.of(
            new Template("window-norms", "窗口服务七项规范", WINDOW_NORMS),
            new Template("work-rules", "考勤、首问负责与限时办结", WORK_RULES),
            new Template("service-hall", "政务服务大厅综合检查", concat(WINDOW_NORMS, WORK_RULES)));

    private Checklists() {
    }

    public static Optional<Template> template(String id) {
        return TEMPLATES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The id of a plan's checklist: its template's, or one of its own when the plan brought its items. */
    static String idOf(String templateId, String planId) {
        return templateId != null ? templateId : "plan-" + planId;
    }

    /** The version of a checklist: a hash of its items, so that what a phone cached by id and version stays right. */
    static String version(List<Item> items) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(InspectionJson.JSON.writeValueAsString(items).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Item> concat(List<Item> a, List<Item> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
