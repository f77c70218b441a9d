package org.dutygraph.notifications.push;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What goes through the push provider for one notification. A sensitive notification becomes a
 * data-only message holding the message id and an opaque reference, nothing else; the app fetches the
 * content through the authenticated API. Every payload is checked against the provider's 4 KB limit
 * before it is stored, so an oversized one fails the change that caused it instead of failing later.
 *
 * @param data  string key/values delivered to the app; always holds {@code messageId}
 * @param title the visible title, null for data-only messages
 * @param body  the visible text, null for data-only messages
 * @param collapseKey for visible messages, an opaque key: a newer message with the same key replaces the older one
 *                    on the device (FCM collapse key, Android notification tag, apns-collapse-id); null for none.
 *                    Set by a channel at send time, never stored.
 */
public record PushPayload(Map<String, String> data, String title, String body, String collapseKey) {

    /** FCM's limit for a message's payload. */
    public static final int MAX_BYTES = 4096;

    static final int PUSHED_BODY_CHARACTERS = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** APNs refuses collapse ids longer than this. */
    public static final int MAX_COLLAPSE_KEY_BYTES = 64;

    public PushPayload {
        data = Map.copyOf(data);
        if (collapseKey != null
                && (collapseKey.isEmpty()
                        || collapseKey.getBytes(StandardCharsets.UTF_8).length > MAX_COLLAPSE_KEY_BYTES)) {
            throw new IllegalArgumentException("A collapse key is 1 to " + MAX_COLLAPSE_KEY_BYTES + " bytes");
        }
    }

    public PushPayload(Map<String, String> data, String title, String body) {
        this(data, title, body, null);
    }

    public static PushPayload sensitive(String messageId, String reference) {
        var data = new LinkedHashMap<String, String>();
        data.put("messageId", messageId);
        data.put("type", "sync");
        data.put("ref", reference);
        return new PushPayload(data, null, null);
    }

    /**
     * A sensitive notification shown as a generic alert: the visible text says nothing of the content, the data
     * is the same as for a silent one.
     */
    public static PushPayload alerted(String messageId, String reference, String title, String body) {
        return new PushPayload(sensitive(messageId, reference).data(), title, shorten(body));
    }

    /** The same message with other data and a collapse key (a channel's rewrite at send time). */
    public PushPayload rewritten(Map<String, String> newData, String newCollapseKey) {
        return new PushPayload(newData, title, body, newCollapseKey);
    }

    public static PushPayload visible(
            String messageId,
            String notificationId,
            String kind,
            String subjectType,
            String subjectId,
            String title,
            String body) {
        var data = new LinkedHashMap<String, String>();
        data.put("messageId", messageId);
        data.put("type", "notification");
        data.put("notificationId", notificationId);
        data.put("kind", kind);
        if (subjectType != null) {
            data.put("subjectType", subjectType);
        }
        if (subjectId != null) {
            data.put("subjectId", subjectId);
        }
        return new PushPayload(data, title, shorten(body));
    }

    public boolean dataOnly() {
        return title == null && body == null;
    }

    /** UTF-8 size of the data and visible parts as the provider counts them (JSON, without the token). */
    public int bytes() {
        var message = new LinkedHashMap<String, Object>();
        message.put("data", data);
        if (!dataOnly()) {
            message.put("notification", Map.of("title", title, "body", body));
        }
        return JSON.writeValueAsString(message).getBytes(StandardCharsets.UTF_8).length;
    }

    public PushPayload requireWithinLimit() {
        int size = bytes();
        if (size > MAX_BYTES) {
            throw new PayloadTooLargeException(size);
        }
        return this;
    }

    public String dataJson() {
        return JSON.writeValueAsString(data);
    }

    @SuppressWarnings("unchecked")
    public static PushPayload stored(String dataJson, String title, String body) {
        return new PushPayload(JSON.readValue(dataJson, Map.class), title, body);
    }

    private static String shorten(String body) {
        if (body.codePointCount(0, body.length()) <= PUSHED_BODY_CHARACTERS) {
            return body;
        }
        return body.substring(0, body.offsetByCodePoints(0, PUSHED_BODY_CHARACTERS - 1)) + "…";
    }

    public static final class PayloadTooLargeException extends IllegalArgumentException {

        PayloadTooLargeException(int size) {
            super("The push payload is " + size + " bytes; the limit is " + MAX_BYTES);
        }
    }
}
