package org.dutygraph.org.read;

import java.util.List;

/** Read models of the organisation graph, as served by the API. */
public final class Views {

    public record UnitView(
            String id,
            String name,
            List<String> otherNames,
            String classification,
            String status,
            String foundingDate,
            String dissolutionDate,
            Integer quota,
            Integer leadershipPositions) {}

    public record PostView(
            String id, String label, String role, String postClass, String status, String startDate, String endDate) {}

    public record PersonView(String id, String name) {}

    public record MembershipView(String personId, String postId, String startDate, String endDate, boolean current) {}

    public record DutyView(
            String id, String text, String basis, String role, String arrangementId, String status, String endDate) {}

    public record PowerItemView(
            String id,
            String code,
            String name,
            String category,
            String basis,
            Integer statutoryDays,
            Integer committedDays,
            String fee,
            String status,
            String endDate) {}

    public record ConceptView(String id, String label, String scheme) {}

    public record AreaView(String id, String name, String classification) {}

    public record SupervisionView(String postId, String unitId, String kind) {}

    public record StaffingView(
            Integer quota,
            Integer leadershipPositions,
            int posts,
            int filledPosts,
            int vacantPosts,
            int staff,
            int leadershipStaff,
            boolean overQuota) {}

    public enum ChainStep {
        REPORTS_TO,
        UNIT_HEAD,
        IN_CHARGE,
        PRINCIPAL,
        PARENT_UNIT_HEAD
    }

    public record ChainLinkView(PostView post, ChainStep via) {}

    private Views() {}
}
