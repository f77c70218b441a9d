package org.dutygraph.org.generator;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a synthetic org-bundle/1 document of any size, the same bytes for the same parameters.
 * Every unit owns its own object concepts, so duties of different units never overlap by accident.
 * A share of duties ({@code overlapRate}) is planted: it copies the action and object of an existing
 * duty of a unit in another department, city-wide, and is listed so conflict analysis can be checked.
 */
public final class BundleGenerator {

    public record Parameters(long seed, int units, int posts, int duties, double overlapRate) {
        public Parameters {
            if (units < 2 || posts < units || duties < 0 || overlapRate < 0 || overlapRate > 1) {
                throw new IllegalArgumentException(
                        "Need units >= 2, posts >= units, duties >= 0, 0 <= overlapRate <= 1");
            }
        }
    }

    /** A duty that copies another unit's duty: the two must be reported as overlapping. */
    public record PlantedOverlap(
            String dutyId, String holderUnitId, String partnerDutyId, String partnerUnitId, String objectId) {}

    static final String[] ACTIONS = {"许可", "处罚", "检查", "监督管理", "安全监督管理", "征收", "强制", "确认", "给付", "奖励"};
    static final String[] CATEGORIES = {
        "licensing", "penalty", "inspection", "other", "other", "levy", "coercion", "confirmation", "benefit", "reward"
    };
    static final String[] OBJECT_WORDS = {
        "矿山", "食品", "药品", "建筑", "道路", "河道", "市场", "学校", "医院", "餐饮", "危化品", "特种设备", "森林", "农田", "养殖", "出租房屋", "广告", "网吧",
        "宾馆", "加油站"
    };
    private static final int LEAVES_PER_UNIT = 2;
    private static final int PARTNER_CHOICES = 20;

    private final Parameters p;
    private final int departments;
    private final int districts;

    public BundleGenerator(Parameters parameters) {
        this.p = parameters;
        this.departments = Math.max(1, (p.units() - 1) / 10);
        this.districts = Math.max(1, p.units() / 250);
    }

    public List<PlantedOverlap> write(OutputStream out) {
        var planted = new ArrayList<PlantedOverlap>();
        var random = new SplittableRandom(p.seed());
        try (JsonGenerator g = JsonMapper.builder().build().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("format", "org-bundle/1");
            g.writeName("source");
            g.writeStartObject();
            g.writeStringProperty("title", "合成测试数据 seed=" + p.seed());
            g.writeEndObject();
            areas(g);
            concepts(g);
            organizations(g);
            posts(g);
            persons(g, random);
            supervision(g);
            powerItems(g);
            duties(g, random, planted);
            g.writeEndObject();
        }
        return planted;
    }

    private void areas(JsonGenerator g) {
        g.writeArrayPropertyStart("areas");
        object(g, "id", "city", "name", "示范市", "classification", "city");
        for (int d = 0; d < districts; d++) {
            object(
                    g,
                    "id",
                    "district-" + d,
                    "name",
                    "第" + (d + 1) + "区",
                    "classification",
                    "district",
                    "parent_id",
                    "city");
        }
        g.writeEndArray();
    }

    private void concepts(JsonGenerator g) {
        g.writeArrayPropertyStart("concepts");
        for (int a = 0; a < ACTIONS.length; a++) {
            object(g, "id", "act-" + a, "label", ACTIONS[a], "scheme", "action");
        }
        for (int w = 0; w < OBJECT_WORDS.length; w++) {
            object(g, "id", "obj-" + w, "label", OBJECT_WORDS[w], "scheme", "object");
        }
        for (int unit = 1; unit < p.units(); unit++) {
            var word = OBJECT_WORDS[departmentOf(unit) % OBJECT_WORDS.length];
            for (int leaf = 0; leaf < LEAVES_PER_UNIT; leaf++) {
                object(
                        g,
                        "id",
                        objectOf(unit, leaf),
                        "label",
                        word + "类" + unit + "-" + leaf,
                        "scheme",
                        "object",
                        "broader_id",
                        "obj-" + (departmentOf(unit) % OBJECT_WORDS.length));
            }
        }
        g.writeEndArray();
    }

    private static String objectOf(int unit, int leaf) {
        return "obj-" + unit + "-" + leaf;
    }

    /** Unit 0 is the government; units 1..departments are departments; the rest are their sections. */
    private String unitId(int unit) {
        return unit == 0 ? "gov" : unit <= departments ? "dep-" + unit : "sec-" + unit;
    }

    private int departmentOf(int unit) {
        return unit <= departments ? unit : 1 + (unit - departments - 1) % departments;
    }

    private void organizations(JsonGenerator g) {
        g.writeArrayPropertyStart("organizations");
        object(g, "id", "gov", "name", "示范市人民政府", "classification", "government", "area_id", "city");
        for (int u = 1; u < p.units(); u++) {
            if (u <= departments) {
                var area = u % 5 == 0 ? "district-" + (u % districts) : "city";
                object(
                        g,
                        "id",
                        unitId(u),
                        "name",
                        "示范市第" + u + "局",
                        "classification",
                        "department",
                        "parent_id",
                        "gov",
                        "area_id",
                        area);
            } else {
                object(
                        g,
                        "id",
                        unitId(u),
                        "name",
                        "第" + departmentOf(u) + "局第" + u + "科",
                        "classification",
                        "section",
                        "parent_id",
                        unitId(departmentOf(u)));
            }
        }
        g.writeEndArray();
    }

    /** Post k sits in unit k % units; the first post of every unit is its head. */
    private String postId(int post) {
        return "post-" + post;
    }

    private void posts(JsonGenerator g) {
        g.writeArrayPropertyStart("posts");
        for (int k = 0; k < p.posts(); k++) {
            int unit = k % p.units();
            boolean head = k < p.units();
            g.writeStartObject();
            g.writeStringProperty("id", postId(k));
            g.writeStringProperty("label", head ? (unit == 0 ? "市长" : unit <= departments ? "局长" : "科长") : "科员岗" + k);
            g.writeStringProperty("organization_id", unitId(unit));
            g.writeStringProperty("role", head ? (unit <= departments ? "principal" : "head") : "staff");
            g.writeStringProperty("class", head ? "leadership" : "management_service");
            if (!head) {
                g.writeStringProperty("reports_to_post_id", postId(unit));
                int backup = k + p.units() < p.posts() ? k + p.units() : k - p.units();
                if (backup >= p.units()) {
                    g.writeStringProperty("backup_post_id", postId(backup));
                }
            } else if (unit > 0 && unit <= departments) {
                g.writeStringProperty("reports_to_post_id", postId(0));
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Nine posts in ten are filled. */
    private void persons(JsonGenerator g, SplittableRandom random) {
        var filled = new ArrayList<Integer>();
        g.writeArrayPropertyStart("persons");
        for (int k = 0; k < p.posts(); k++) {
            if (k < p.units() || random.nextInt(10) != 0) {
                filled.add(k);
                object(g, "id", "person-" + k, "name", "职员" + k);
            }
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("memberships");
        for (int k : filled) {
            object(g, "person_id", "person-" + k, "post_id", postId(k), "start_date", "2020-01-01");
        }
        g.writeEndArray();
    }

    private void supervision(JsonGenerator g) {
        g.writeArrayPropertyStart("supervision");
        for (int u = 1; u <= departments; u++) {
            object(g, "post_id", postId(0), "organization_id", unitId(u), "kind", "principal");
        }
        g.writeEndArray();
    }

    private int powerItemCount() {
        return Math.max(1, p.duties() / 10);
    }

    private void powerItems(JsonGenerator g) {
        g.writeArrayPropertyStart("power_items");
        for (int i = 0; i < powerItemCount(); i++) {
            g.writeStartObject();
            g.writeStringProperty("id", "pi-" + i);
            g.writeStringProperty("code", "SF-" + String.format("%07d", i));
            g.writeStringProperty("name", "权力事项" + i);
            g.writeStringProperty("category", CATEGORIES[i % CATEGORIES.length]);
            g.writeNumberProperty("statutory_days", 20);
            g.writeNumberProperty("committed_days", 10);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /**
     * Duty i belongs to unit 1 + i % (units - 1), as its k-th duty (k = i / (units - 1)), held by the
     * unit or, every third duty, by one of its posts; its action and object follow from k.
     */
    private void duties(JsonGenerator g, SplittableRandom random, List<PlantedOverlap> planted) {
        g.writeArrayPropertyStart("duties");
        int holders = p.units() - 1;
        for (int i = 0; i < p.duties(); i++) {
            int unit = 1 + i % holders;
            int k = i / holders;
            int action = k % ACTIONS.length;
            var object = objectOf(unit, (k / ACTIONS.length) % LEAVES_PER_UNIT);
            var partner = isPlanted(i) ? partnerOf(i, unit, random) : -1;
            if (partner >= 0) {
                int partnerUnit = 1 + partner % holders;
                int partnerK = partner / holders;
                action = partnerK % ACTIONS.length;
                object = objectOf(partnerUnit, (partnerK / ACTIONS.length) % LEAVES_PER_UNIT);
                planted.add(
                        new PlantedOverlap("duty-" + i, unitId(unit), "duty-" + partner, unitId(partnerUnit), object));
            }
            var holder = i % 3 == 2 && unit + p.units() < p.posts() ? postId(unit + p.units()) : unitId(unit);
            g.writeStartObject();
            g.writeStringProperty("id", "duty-" + i);
            g.writeStringProperty("holder_id", holder);
            g.writeStringProperty("text", "负责" + ACTIONS[action] + object + "相关事项（第" + i + "项）");
            g.writeStringProperty("action", "act-" + action);
            g.writeArrayPropertyStart("objects");
            g.writeString(object);
            g.writeEndArray();
            if (partner >= 0) {
                g.writeStringProperty("area_id", "city");
            }
            g.writeArrayPropertyStart("power_item_ids");
            g.writeString("pi-" + (i % powerItemCount()));
            g.writeEndArray();
            g.writeStringProperty("role", "sole");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** Whether duty i is planted: decided from the seed and i alone, so partners can be checked in advance. */
    private boolean isPlanted(int i) {
        return p.overlapRate() > 0 && new SplittableRandom(p.seed() * 31 + i).nextDouble() < p.overlapRate();
    }

    /** A duty of a unit in another department that is not planted itself; -1 if none could be found. */
    private int partnerOf(int i, int unit, SplittableRandom random) {
        int holders = p.units() - 1;
        for (int attempt = 0; attempt < 50; attempt++) {
            int other = 1 + random.nextInt(holders);
            if (departmentOf(other) == departmentOf(unit)) continue;
            int candidate = (other - 1) + random.nextInt(PARTNER_CHOICES) * holders;
            if (candidate < p.duties() && candidate != i && !isPlanted(candidate)) return candidate;
        }
        return -1;
    }

    private static void object(JsonGenerator g, String... keyValues) {
        g.writeStartObject();
        for (int i = 0; i < keyValues.length; i += 2) {
            g.writeStringProperty(keyValues[i], keyValues[i + 1]);
        }
        g.writeEndObject();
    }
}
