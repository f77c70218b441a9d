package org.dutygraph.org.bundle;

import java.util.List;
import java.util.regex.Pattern;

/**
 * An organisation bundle (org-bundle/1, see shared/formats/org-bundle.md) as read from JSON.
 * Field values are kept as given; {@link BundleValidator} decides whether they are acceptable.
 */
@org.springframework.modulith.NamedInterface("bundle")
public record Bundle(
        String format,
        Source source,
        List<Area> areas,
        List<Concept> concepts,
        List<Organization> organizations,
        List<Post> posts,
        List<Person> persons,
        List<Membership> memberships,
        List<Supervision> supervision,
        List<PowerItem> powerItems,
        List<Duty> duties) {

    public static final String FORMAT = "org-bundle/1";

    public int size() {
        return areas.size()
                + concepts.size()
                + organizations.size()
                + posts.size()
                + persons.size()
                + memberships.size()
                + supervision.size()
                + powerItems.size()
                + duties.size();
    }

    public record Source(String title, String date) {}

    public record Area(String id, String name, String classification, String parentId) {}

    /** {@code altLabels}: other words people use for it (synonyms, citizen-friendly names); never null. */
    public record Concept(String id, String label, String scheme, String broaderId, List<String> altLabels) {}

    public record Organization(
            String id,
            String name,
            List<String> otherNames,
            String classification,
            String parentId,
            String areaId,
            String foundingDate,
            String dissolutionDate,
            String status,
            Integer quota,
            Integer leadershipPositions) {}

    public record Post(
            String id,
            String label,
            String organizationId,
            String role,
            String postClass,
            String startDate,
            String endDate,
            String backupPostId,
            String reportsToPostId,
            String status) {}

    public record Person(String id, String name) {}

    /** {@code secondedFromId}: the organisation that seconds the person to the post's unit (a window of a service centre), if any. */
    public record Membership(String personId, String postId, String startDate, String endDate, String secondedFromId) {}

    public record Supervision(String postId, String organizationId, String kind) {}

    /**
     * {@code fees}: the charges the item may lawfully collect (never null; empty when the bundle lists none, and then
     * no charge is lawful); {@code fee} stays free text for older bundles.
     */
    public record PowerItem(
            String id,
            String code,
            String name,
            String category,
            String basis,
            Integer statutoryDays,
            Integer committedDays,
            String fee,
            String status,
            String endDate,
            List<Fee> fees) {}

    /** A lawful charge of a power item: what is charged for, and the amount as a decimal string ("80.00"). */
    public record Fee(String item, String amount) {

        private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d{1,12})?");

        /** An amount as bundles and case events write it: a plain decimal string, bounded ("80.00"). */
        public static boolean isAmount(String text) {
            return AMOUNT.matcher(text).matches();
        }
    }

    public record Duty(
            String id,
            String holderId,
            String text,
            String action,
            List<String> objects,
            String areaId,
            List<String> powerItemIds,
            String basis,
            String role,
            String arrangementId,
            String status,
            String endDate) {}
}
