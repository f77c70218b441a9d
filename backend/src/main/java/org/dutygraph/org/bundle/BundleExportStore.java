package org.dutygraph.org.bundle;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the stored organisation graph as an org-bundle/1 document, streaming, section by section,
 * ordered by id, so that import -> export -> import reproduces the same graph.
 */
@org.springframework.modulith.NamedInterface("bundle")
@Component
public class BundleExportStore {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeSystem TYPES = TypeSystem.getDefault();

    /** Each query returns its columns under their bundle field names; nulls are left out. */
    private static final Map<String, String> SECTIONS = new java.util.LinkedHashMap<>();

    static {
        SECTIONS.put("areas", """
                MATCH (n:Area) OPTIONAL MATCH (n)-[:WITHIN]->(p:Area)
                RETURN n.id AS id, n.name AS name, n.classification AS classification, p.id AS parent_id
                ORDER BY id""");
        SECTIONS.put("concepts", """
                MATCH (n:Concept) OPTIONAL MATCH (n)-[:BROADER]->(p:Concept)
                RETURN n.id AS id, n.label AS label, n.scheme AS scheme, p.id AS broader_id, n.altLabels AS alt_labels
                ORDER BY id""");
        SECTIONS.put("organizations", """
                MATCH (n:Organization)
                OPTIONAL MATCH (n)-[:PART_OF]->(p:Organization)
                OPTIONAL MATCH (n)-[:IN_AREA]->(a:Area)
                RETURN n.id AS id, n.name AS name, [name IN coalesce(n.otherNames, []) | {name: name}] AS other_names,
                       n.classification AS classification, p.id AS parent_id, a.id AS area_id,
                       n.foundingDate AS founding_date, n.dissolutionDate AS dissolution_date, n.status AS status,
                       CASE WHEN n.quota IS NULL AND n.leadershipPositions IS NULL THEN null
                            ELSE {quota: n.quota, leadership_positions: n.leadershipPositions} END AS staffing
                ORDER BY id""");
        SECTIONS.put("posts", """
                MATCH (n:Post)
                OPTIONAL MATCH (n)-[:IN_ORG]->(o:Organization)
                OPTIONAL MATCH (n)-[:BACKED_UP_BY]->(b:Post)
                OPTIONAL MATCH (n)-[:REPORTS_TO]->(r:Post)
                RETURN n.id AS id, n.label AS label, o.id AS organization_id, n.role AS role, n.postClass AS class,
                       n.startDate AS start_date, n.endDate AS end_date, b.id AS backup_post_id,
                       r.id AS reports_to_post_id, n.status AS status
                ORDER BY id""");
        SECTIONS.put("persons", """
                MATCH (n:Person) RETURN n.id AS id, n.name AS name ORDER BY id""");
        SECTIONS.put("memberships", """
                MATCH (person:Person)-[m:HOLDS]->(post:Post)
                RETURN person.id AS person_id, post.id AS post_id,
                       CASE m.startDate WHEN '' THEN null ELSE m.startDate END AS start_date, m.endDate AS end_date,
                       m.secondedFrom AS seconded_from_id
                ORDER BY person_id, post_id, m.startDate""");
        SECTIONS.put("supervision", """
                MATCH (post:Post)-[s:SUPERVISES]->(org:Organization)
                RETURN post.id AS post_id, org.id AS organization_id, s.kind AS kind
                ORDER BY post_id, organization_id, kind""");
        SECTIONS.put("power_items", """
                MATCH (n:PowerItem)
                RETURN n.id AS id, n.code AS code, n.name AS name, n.category AS category, n.basis AS basis,
                       n.statutoryDays AS statutory_days, n.committedDays AS committed_days, n.fee AS fee,
                       n.status AS status, n.endDate AS end_date,
                       [i IN range(0, size(coalesce(n.feeItems, [])) - 1) | {item: n.feeItems[i], amount: n.feeAmounts[i]}] AS fees
                ORDER BY id""");
        SECTIONS.put("duties", """
                MATCH (n:Duty)-[:HELD_BY]->(h)
                OPTIONAL MATCH (n)-[:ACTION]->(a:Concept)
                OPTIONAL MATCH (n)-[:IN_AREA]->(area:Area)
                RETURN n.id AS id, h.id AS holder_id, n.text AS text, a.id AS action,
                       COLLECT { MATCH (n)-[:ON_OBJECT]->(c:Concept) RETURN c.id ORDER BY c.id } AS objects,
                       area.id AS area_id,
                       COLLECT { MATCH (n)-[:EXERCISES]->(p:PowerItem) RETURN p.id ORDER BY p.id } AS power_item_ids,
                       n.basis AS basis, n.role AS role, n.arrangementId AS arrangement_id, n.status AS status,
                       n.endDate AS end_date
                ORDER BY id""");
    }

    private final Driver driver;
    private final Clock clock;

    /** For tools outside the application context: the export's date is the JVM's local date. */
    public BundleExportStore(Driver driver) {
        this(driver, Clock.systemDefaultZone());
    }

    @Autowired
    public BundleExportStore(Driver driver, Clock clock) {
        this.driver = driver;
        this.clock = clock;
    }

    public void export(OutputStream out, String title) {
        try (JsonGenerator gen = MAPPER.createGenerator(out);
                var session = driver.session()) {
            gen.writeStartObject();
            gen.writeStringProperty("format", Bundle.FORMAT);
            gen.writeName("source");
            gen.writeStartObject();
            gen.writeStringProperty("title", title);
            gen.writeStringProperty("date", LocalDate.now(clock).toString());
            gen.writeEndObject();
            // One read transaction so that the sections form one consistent snapshot.
            try (var tx = session.beginTransaction(TransactionConfig.empty())) {
                for (var section : SECTIONS.entrySet()) {
                    gen.writeName(section.getKey());
                    gen.writeStartArray();
                    var result = tx.run(section.getValue());
                    while (result.hasNext()) {
                        writeRecord(gen, result.next());
                    }
                    gen.writeEndArray();
                }
                tx.commit();
            }
            gen.writeEndObject();
        }
    }

    private static void writeRecord(JsonGenerator gen, Record record) {
        gen.writeStartObject();
        for (var key : record.keys()) {
            writeProperty(gen, key, record.get(key));
        }
        gen.writeEndObject();
    }

    private static void writeProperty(JsonGenerator gen, String name, Value value) {
        if (value.isNull() || (isList(value) && value.size() == 0)) {
            return;
        }
        gen.writeName(name);
        writeValue(gen, value);
    }

    private static void writeValue(JsonGenerator gen, Value value) {
        if (value.hasType(TYPES.INTEGER())) {
            gen.writeNumber(value.asLong());
        } else if (value.hasType(TYPES.FLOAT())) {
            gen.writeNumber(value.asDouble());
        } else if (value.hasType(TYPES.BOOLEAN())) {
            gen.writeBoolean(value.asBoolean());
        } else if (isList(value)) {
            gen.writeStartArray();
            for (Value item : value.values()) {
                writeValue(gen, item);
            }
            gen.writeEndArray();
        } else if (value.hasType(TYPES.MAP())) {
            gen.writeStartObject();
            for (String key : value.keys()) {
                writeProperty(gen, key, value.get(key));
            }
            gen.writeEndObject();
        } else {
            gen.writeString(value.asString());
        }
    }

    private static boolean isList(Value value) {
        return value.hasType(TYPES.LIST());
    }
}
