package org.dutygraph.org.read;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Read models of the organisation graph, as served by the API. */
public final class Views {

    public record UnitView(String id, String name, List<String> otherNames, String classification, String status,
                           String foundingDate, String dissolutionDate, Integer quota, Integer leadershipPositions) {
        static UnitView of(Node n) {
            return new UnitView(str(n, "id"), str(n, "name"), n.get("otherNames").isNull() ? List.of()
                    : n.get("otherNames").asList(Value::asString), str(n, "classification"), str(n, "status"),
                    str(n, "foundingDate"), str(n, "dissolutionDate"), integer(n, "quota"), integer(n, "leadershipPositions"));
        }
    }

    public record PostView(String id, String label, String role, String postClass, String status, String startDate,
                           String endDate) {
        static PostView of(Node n) {
            return new PostView(str(n, "id"), str(n, "label"), str(n, "role"), str(n, "postClass"), str(n, "status"),
                    str(n, "startDate"), str(n, "endDate"));
        }
    }

    public record PersonView(String id, String name) {
        static PersonView of(Node n) {
            return new PersonView(str(n, "id"), str(n, "name"));
        }
    }

    public record MembershipView(String personId, String postId, String startDate, String endDate, boolean current) {
    }

    public record DutyView(String id, String text, String basis, String role, String arrangementId, String status,
                           String endDate) {
        static DutyView of(Node n) {
            return new DutyView(str(n, "id"), str(n, "text"), str(n, "basis"), str(n, "role"), str(n, "arrangementId"),
                    str(n, "status"), str(n, "endDate"));
        }
    }

    public record PowerItemView(String id, String code, String name, String category, String basis,
                                Integer statutoryDays, Integer committedDays, String fee, String status, String endDate) {
        static PowerItemView of(Node n) {
            return new PowerItemView(str(n, "id"), str(n, "code"), str(n, "name"),
                    str(n, "category") == null ? null : str(n, "category").toUpperCase(), str(n, "basis"),
                    integer(n, "statutoryDays"), integer(n, "committedDays"), str(n, "fee"), str(n, "status"),
                    str(n, "endDate"));
        }
    }

    public record ConceptView(String id, String label, String scheme) {
        static ConceptView of(Node n) {
            return new ConceptView(str(n, "id"), str(n, "label"), str(n, "scheme"));
        }
    }

    public record AreaView(String id, String name, String classification) {
        static AreaView of(Node n) {
            return new AreaView(str(n, "id"), str(n, "name"), str(n, "classification"));
        }
    }

    public record SupervisionView(String postId, String unitId, String kind) {
    }

    public record StaffingView(Integer quota, Integer leadershipPositions, int posts, int filledPosts, int vacantPosts,
                               int staff, int leadershipStaff, boolean overQuota) {
    }

    public enum ChainStep { REPORTS_TO, UNIT_HEAD, IN_CHARGE, PRINCIPAL, PARENT_UNIT_HEAD }

    public record ChainLinkView(PostView post, ChainStep via) {
    }

    static String str(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : v.asString();
    }

    static Integer integer(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : v.asInt();
    }

    private Views() {
    }
}
