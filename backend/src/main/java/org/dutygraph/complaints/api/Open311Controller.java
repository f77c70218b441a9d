package org.dutygraph.complaints.api;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.dutygraph.complaints.CitizenComplaints;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.complaints.Open311Cases;
import org.dutygraph.complaints.PublicCase;
import org.dutygraph.complaints.routing.ComplaintTarget;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.dutygraph.platform.ratelimit.RateLimitedException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * An Open311 GeoReport v2 facade (JSON) over the same complaints, for existing civic-reporting
 * clients: services are the complaint categories, a request is an anonymous complaint (its receipt is
 * in service_notice, shown once), and request status is public. device_id and media_url are ignored:
 * nothing identifying the device is kept; photos go through POST /complaints/photos.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    /** The categories as services, named in the language the client asks for (Accept-Language; Chinese by default). */
    private static final Map<String, ComplaintTexts> SERVICE_NAMES = new LinkedHashMap<>();

    static {
        SERVICE_NAMES.put("COLD", ComplaintTexts.CATEGORY_COLD);
        SERVICE_NAMES.put("LAZY", ComplaintTexts.CATEGORY_LAZY);
        SERVICE_NAMES.put("BUCK_PASSING", ComplaintTexts.CATEGORY_BUCK_PASSING);
        SERVICE_NAMES.put("DISORDERLY", ComplaintTexts.CATEGORY_DISORDERLY);
        SERVICE_NAMES.put("GREEDY", ComplaintTexts.CATEGORY_GREEDY);
        SERVICE_NAMES.put("PETTY_EXTORTION", ComplaintTexts.CATEGORY_PETTY_EXTORTION);
        SERVICE_NAMES.put("ILLEGAL_FEES", ComplaintTexts.CATEGORY_ILLEGAL_FEES);
        SERVICE_NAMES.put("INACTION", ComplaintTexts.CATEGORY_INACTION);
        SERVICE_NAMES.put("SLOW_ACTION", ComplaintTexts.CATEGORY_SLOW_ACTION);
        SERVICE_NAMES.put("OTHER", ComplaintTexts.CATEGORY_OTHER);
    }

    private final CitizenComplaints citizens;
    private final Open311Cases cases;
    private final AnonymousRateLimiter limiter;
    private final Messages messages;

    Open311Controller(CitizenComplaints citizens, Open311Cases cases, AnonymousRateLimiter limiter, Messages messages) {
        this.citizens = citizens;
        this.cases = cases;
        this.limiter = limiter;
        this.messages = messages;
    }

    @GetMapping(value = "/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> services(HttpServletRequest request, WebRequest web) {
        return publicList(servicesIn(language(request)), web);
    }

    private List<Map<String, Object>> servicesIn(Locale language) {
        var group = messages.render(Text.of(ComplaintTexts.OPEN311_GROUP), language);
        return SERVICE_NAMES.entrySet().stream()
                .map(e -> {
                    var name = messages.render(Text.of(e.getValue()), language);
                    return Map.<String, Object>of(
                            "service_code",
                            e.getKey(),
                            "service_name",
                            name,
                            "description",
                            name,
                            "metadata",
                            false,
                            "type",
                            "realtime",
                            "keywords",
                            group,
                            "group",
                            group);
                })
                .toList();
    }

    @PostMapping(
            value = "/requests.json",
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> create(
            @RequestBody MultiValueMap<String, String> form, HttpServletRequest request) {
        var limited = limit(request);
        if (limited != null) {
            return limited;
        }
        var language = language(request);
        var code = form.getFirst("service_code");
        if (code == null || !SERVICE_NAMES.containsKey(code.toUpperCase(Locale.ROOT))) {
            return error(
                    HttpStatus.BAD_REQUEST, messages.render(Text.of(ComplaintTexts.OPEN311_SERVICE_CODE), language));
        }
        var description = form.getFirst("description");
        var name = join(form.getFirst("first_name"), form.getFirst("last_name"));
        var submitted = citizens.submit(new CitizenComplaints.Submission(
                UUID.randomUUID().toString(),
                new ComplaintTarget(
                        null, null, null, null, null, description == null ? null : abbreviate(description), null),
                code.toUpperCase(Locale.ROOT),
                description,
                null,
                place(form),
                null,
                List.of(),
                name,
                form.getFirst("phone")));
        if (!submitted.errors().isEmpty()) {
            var first = submitted.errors().get(0);
            return error(
                    HttpStatus.BAD_REQUEST,
                    String.join(".", first.field()) + ": " + messages.render(first.message(), language));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("service_request_id", submitted.complaint().number());
        body.put(
                "service_notice",
                messages.render(Text.of(ComplaintTexts.OPEN311_RECEIPT_NOTICE, submitted.receipt()), language));
        body.put("account_id", null);
        return ResponseEntity.status(HttpStatus.CREATED).body(List.of(body));
    }

    @GetMapping(value = "/requests/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> request(@PathVariable String id, HttpServletRequest request) {
        var limited = limit(request);
        if (limited != null) {
            return limited;
        }
        var found = cases.byNumber(id);
        var language = language(request);
        return found.isEmpty()
                ? error(
                        HttpStatus.NOT_FOUND,
                        messages.render(Text.of(ComplaintTexts.OPEN311_NO_SUCH_REQUEST), language))
                : ResponseEntity.ok(
                        found.stream().map(c -> request(c, language)).toList());
    }

    @GetMapping(value = "/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<List<Map<String, Object>>> published(
            @RequestParam(name = "service_code", required = false) String code,
            HttpServletRequest request,
            WebRequest web) {
        var language = language(request);
        return publicList(
                cases.published(code == null ? null : code.toUpperCase(Locale.ROOT), 50).stream()
                        .map(c -> request(c, language))
                        .toList(),
                web);
    }

    /**
     * Public lists (the same for every caller in a language) may be cached by anyone for a minute, with an ETag of
     * their content: a client or proxy sending it back in If-None-Match gets 304 without the body.
     */
    private static ResponseEntity<List<Map<String, Object>>> publicList(
            List<Map<String, Object>> body, WebRequest web) {
        var canonical = new StringBuilder();
        body.forEach(item -> canonical.append(new java.util.TreeMap<>(item)).append('\n'));
        var etag = "\"" + java.util.HexFormat.of().formatHex(sha256(canonical.toString())) + "\"";
        if (web.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(PUBLIC_CACHE)
                    .varyBy("Accept-Language")
                    .build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(PUBLIC_CACHE)
                .varyBy("Accept-Language")
                .body(body);
    }

    private static final CacheControl PUBLIC_CACHE =
            CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic();

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    private Map<String, Object> request(PublicCase c, Locale language) {
        var body = new LinkedHashMap<String, Object>();
        body.put("service_request_id", c.number());
        body.put("status", c.status().equals("ANSWERED") || c.status().equals("PUBLISHED") ? "closed" : "open");
        body.put("status_notes", c.answer());
        body.put("service_code", c.category());
        var category = SERVICE_NAMES.get(c.category());
        body.put("service_name", category == null ? null : messages.render(Text.of(category), language));
        body.put("description", c.description());
        body.put("agency_responsible", c.unitName());
        body.put(
                "requested_datetime",
                Instant.ofEpochMilli(c.receivedAt()).atOffset(ZoneOffset.UTC).toString());
        body.put(
                "updated_datetime",
                c.updatedAt() == null
                        ? null
                        : Instant.ofEpochMilli(c.updatedAt())
                                .atOffset(ZoneOffset.UTC)
                                .toString());
        return body;
    }

    private ResponseEntity<List<Map<String, Object>>> limit(HttpServletRequest request) {
        try {
            limiter.consume(AnonymousRateLimiter.Kind.FIELD, request.getRemoteAddr());
            return null;
        } catch (RateLimitedException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(
                            "Retry-After",
                            String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                    .body(List.of(Map.of("code", 429, "description", messages.render(e.text(), language(request)))));
        }
    }

    /**
     * A form whose percent-encoded bytes are not UTF-8 (e.g. half a character): answered in Open311's shape. Unhandled,
     * the servlet container's exception was logged with the parameter's value: an anonymous complaint's words.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<List<Map<String, Object>>> formNotUtf8(HttpServletRequest request) {
        return error(
                HttpStatus.BAD_REQUEST, messages.render(Text.of(ComplaintTexts.OPEN311_NOT_UTF8), language(request)));
    }

    private static ResponseEntity<List<Map<String, Object>>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).body(List.of(Map.of("code", status.value(), "description", description)));
    }

    private static String place(MultiValueMap<String, String> form) {
        var address = form.getFirst("address_string");
        var lat = form.getFirst("lat");
        var lon = form.getFirst("long");
        if (lat != null && lon != null) {
            return (address == null ? "" : address + " ") + "(" + lat + ", " + lon + ")";
        }
        return address;
    }

    private static String join(String first, String last) {
        var name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
