package org.dutygraph.org.bundle;

import java.util.Set;

/** The closed value sets of org-bundle/1. */
public final class Vocabulary {

    public static final Set<String> CONCEPT_SCHEMES = Set.of("object", "action");
    public static final Set<String> ORGANIZATION_CLASSIFICATIONS = Set.of(
            "government",
            "department",
            "institution",
            "sub_unit",
            "section",
            "subdistrict",
            "community",
            "station",
            "township",
            "zone_committee",
            "service_centre",
            "window");
    public static final Set<String> ORGANIZATION_STATUSES = Set.of("active", "dissolved");
    public static final Set<String> POST_ROLES =
            Set.of("principal", "deputy", "head", "deputy_head", "staff", "chief_representative");
    public static final Set<String> POST_CLASSES =
            Set.of("leadership", "window_service", "management_service", "support");
    public static final Set<String> SUPERVISION_KINDS = Set.of("in_charge", "principal");
    public static final Set<String> POWER_CATEGORIES = Set.of(
            "licensing",
            "penalty",
            "levy",
            "coercion",
            "confirmation",
            "adjudication",
            "benefit",
            "inspection",
            "reward",
            "other");
    public static final Set<String> DUTY_ROLES = Set.of("sole", "lead", "cooperate");
    public static final Set<String> ITEM_STATUSES = Set.of("active", "withdrawn");

    private Vocabulary() {}
}
