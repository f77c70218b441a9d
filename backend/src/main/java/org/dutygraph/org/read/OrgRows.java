package org.dutygraph.org.read;

import java.util.List;
import org.dutygraph.org.read.Views.AreaView;
import org.dutygraph.org.read.Views.ConceptView;
import org.dutygraph.org.read.Views.DutyView;
import org.dutygraph.org.read.Views.PersonView;
import org.dutygraph.org.read.Views.PostView;
import org.dutygraph.org.read.Views.PowerItemView;
import org.dutygraph.org.read.Views.UnitView;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** The organisation graph's nodes converted to read models, once, at the stores' boundary. */
final class OrgRows {

    static UnitView unit(Node n) {
        return new UnitView(
                str(n, "id"),
                str(n, "name"),
                n.get("otherNames").isNull() ? List.of() : n.get("otherNames").asList(Value::asString),
                str(n, "classification"),
                str(n, "status"),
                str(n, "foundingDate"),
                str(n, "dissolutionDate"),
                integer(n, "quota"),
                integer(n, "leadershipPositions"));
    }

    static PostView post(Node n) {
        return new PostView(
                str(n, "id"),
                str(n, "label"),
                str(n, "role"),
                str(n, "postClass"),
                str(n, "status"),
                str(n, "startDate"),
                str(n, "endDate"));
    }

    static PersonView person(Node n) {
        return new PersonView(str(n, "id"), str(n, "name"));
    }

    static DutyView duty(Node n) {
        return new DutyView(
                str(n, "id"),
                str(n, "text"),
                str(n, "basis"),
                str(n, "role"),
                str(n, "arrangementId"),
                str(n, "status"),
                str(n, "endDate"));
    }

    static PowerItemView powerItem(Node n) {
        return new PowerItemView(
                str(n, "id"),
                str(n, "code"),
                str(n, "name"),
                str(n, "category") == null ? null : str(n, "category").toUpperCase(),
                str(n, "basis"),
                integer(n, "statutoryDays"),
                integer(n, "committedDays"),
                str(n, "fee"),
                str(n, "status"),
                str(n, "endDate"));
    }

    static ConceptView concept(Node n) {
        return new ConceptView(str(n, "id"), str(n, "label"), str(n, "scheme"));
    }

    static AreaView area(Node n) {
        return new AreaView(str(n, "id"), str(n, "name"), str(n, "classification"));
    }

    static String str(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : v.asString();
    }

    static Integer integer(Node n, String key) {
        var v = n.get(key);
        return v.isNull() ? null : v.asInt();
    }

    private OrgRows() {}
}
