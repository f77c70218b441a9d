package org.dutygraph.org.bundle;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.dutygraph.org.OrgTexts;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an org-bundle/1 document. Streams arrays element by element so that a bundle of a million
 * duties never exists as one JSON tree; type problems are collected with their JSON path, not thrown.
 */
@org.springframework.modulith.NamedInterface("bundle")
public final class BundleReader {

    // Elements are read one at a time from the middle of the document: tokens after each are expected.
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Problems problems;
    private final Map<String, String> interned = ElementReader.newInterner();

    public BundleReader(Problems problems) {
        this.problems = problems;
    }

    /** Reads a bundle; on malformed JSON returns null with the syntax problem recorded. */
    public Bundle read(InputStream json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            return read(parser);
        } catch (StreamReadException e) {
            var location = e.getLocation();
            problems.add(
                    "$",
                    "MALFORMED_JSON",
                    Text.of(
                            OrgTexts.NOT_JSON,
                            location == null
                                    ? Text.verbatim("")
                                    : Text.of(OrgTexts.LINE_COLUMN, location.getLineNr(), location.getColumnNr())));
            return null;
        }
    }

    /** For a source that finds its document may no longer be imported: the reason recorded, nothing read (null). */
    public Bundle refuse(String path, String code, Text reason) {
        problems.add(path, code, reason);
        return null;
    }

    /** Reads a bundle that arrived already parsed (e.g. as a GraphQL JSON scalar). */
    public Bundle read(Object parsed) {
        JsonNode tree = MAPPER.valueToTree(parsed);
        try (JsonParser parser = MAPPER.treeAsTokens(tree)) {
            return read(parser);
        }
    }

    private Bundle read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problems.add("$", "WRONG_TYPE", Text.of(OrgTexts.BUNDLE_NOT_OBJECT));
            return null;
        }
        var builder = new Sections();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            var name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "format" ->
                    builder.format =
                            parser.currentToken() == JsonToken.VALUE_STRING ? parser.getString() : wrongFormat(parser);
                case "source" -> builder.source = source(MAPPER.readTree(parser));
                case "areas" -> builder.areas = array(parser, name, this::area);
                case "concepts" -> builder.concepts = array(parser, name, this::concept);
                case "organizations" -> builder.organizations = array(parser, name, this::organization);
                case "posts" -> builder.posts = array(parser, name, this::post);
                case "persons" -> builder.persons = array(parser, name, this::person);
                case "memberships" -> builder.memberships = array(parser, name, this::membership);
                case "supervision" -> builder.supervision = array(parser, name, this::supervision);
                case "power_items" -> builder.powerItems = array(parser, name, this::powerItem);
                case "duties" -> builder.duties = array(parser, name, this::duty);
                default -> parser.skipChildren();
            }
        }
        return builder.build();
    }

    private String wrongFormat(JsonParser parser) {
        parser.skipChildren();
        problems.add("$.format", "WRONG_TYPE", Text.of(OrgTexts.FORMAT_STRING, Bundle.FORMAT));
        return null;
    }

    private <T> List<T> array(JsonParser parser, String section, Function<ElementReader, T> convert) {
        var list = new ArrayList<T>();
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return list;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            problems.add("$." + section, "WRONG_TYPE", Text.of(OrgTexts.MUST_BE_ARRAY, section));
            return list;
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonNode element = MAPPER.readTree(parser);
            var path = "$." + section + "[" + index++ + "]";
            if (!element.isObject()) {
                problems.add(path, "WRONG_TYPE", Text.of(OrgTexts.ENTRY_NOT_OBJECT, section));
                list.add(null);
                continue;
            }
            list.add(convert.apply(new ElementReader(element, path, problems, interned)));
        }
        return list;
    }

    private Bundle.Source source(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            problems.add("$.source", "WRONG_TYPE", Text.of(PlatformTexts.MUST_BE_OBJECT, "source"));
            return null;
        }
        var r = new ElementReader(node, "$.source", problems, interned);
        return new Bundle.Source(r.text("title"), r.text("date"));
    }

    private Bundle.Area area(ElementReader r) {
        return new Bundle.Area(r.text("id"), r.text("name"), r.ref("classification"), r.ref("parent_id"));
    }

    private Bundle.Concept concept(ElementReader r) {
        return new Bundle.Concept(
                r.text("id"), r.text("label"), r.ref("scheme"), r.ref("broader_id"), r.texts("alt_labels"));
    }

    private Bundle.Organization organization(ElementReader r) {
        var staffing = r.object("staffing");
        return new Bundle.Organization(
                r.text("id"),
                r.text("name"),
                r.names("other_names"),
                r.ref("classification"),
                r.ref("parent_id"),
                r.ref("area_id"),
                r.text("founding_date"),
                r.text("dissolution_date"),
                r.ref("status"),
                staffing == null ? null : staffing.integer("quota"),
                staffing == null ? null : staffing.integer("leadership_positions"));
    }

    private Bundle.Post post(ElementReader r) {
        return new Bundle.Post(
                r.text("id"),
                r.text("label"),
                r.ref("organization_id"),
                r.ref("role"),
                r.ref("class"),
                r.text("start_date"),
                r.text("end_date"),
                r.ref("backup_post_id"),
                r.ref("reports_to_post_id"),
                r.ref("status"));
    }

    private Bundle.Person person(ElementReader r) {
        return new Bundle.Person(r.text("id"), r.text("name"));
    }

    private Bundle.Membership membership(ElementReader r) {
        return new Bundle.Membership(
                r.ref("person_id"),
                r.ref("post_id"),
                r.text("start_date"),
                r.text("end_date"),
                r.ref("seconded_from_id"));
    }

    private Bundle.Supervision supervision(ElementReader r) {
        return new Bundle.Supervision(r.ref("post_id"), r.ref("organization_id"), r.ref("kind"));
    }

    private Bundle.PowerItem powerItem(ElementReader r) {
        return new Bundle.PowerItem(
                r.text("id"),
                r.text("code"),
                r.text("name"),
                r.ref("category"),
                r.ref("basis"),
                r.integer("statutory_days"),
                r.integer("committed_days"),
                r.scalarText("fee"),
                r.ref("status"),
                r.text("end_date"),
                fees(r));
    }

    /** Fee entries of the wrong type stay as nulls, so that later problems keep their index in the path. */
    private static List<Bundle.Fee> fees(ElementReader r) {
        var entries = r.objects("fees");
        var fees = new ArrayList<Bundle.Fee>(entries.size());
        for (var entry : entries) {
            fees.add(entry == null ? null : new Bundle.Fee(entry.text("item"), entry.text("amount")));
        }
        return java.util.Collections.unmodifiableList(fees);
    }

    private Bundle.Duty duty(ElementReader r) {
        return new Bundle.Duty(
                r.text("id"),
                r.ref("holder_id"),
                r.text("text"),
                r.ref("action"),
                r.refList("objects"),
                r.ref("area_id"),
                r.refList("power_item_ids"),
                r.ref("basis"),
                r.ref("role"),
                r.ref("arrangement_id"),
                r.ref("status"),
                r.text("end_date"));
    }

    private static final class Sections {
        String format;
        Bundle.Source source;
        List<Bundle.Area> areas = List.of();
        List<Bundle.Concept> concepts = List.of();
        List<Bundle.Organization> organizations = List.of();
        List<Bundle.Post> posts = List.of();
        List<Bundle.Person> persons = List.of();
        List<Bundle.Membership> memberships = List.of();
        List<Bundle.Supervision> supervision = List.of();
        List<Bundle.PowerItem> powerItems = List.of();
        List<Bundle.Duty> duties = List.of();

        Bundle build() {
            return new Bundle(
                    format,
                    source,
                    areas,
                    concepts,
                    organizations,
                    posts,
                    persons,
                    memberships,
                    supervision,
                    powerItems,
                    duties);
        }
    }
}
