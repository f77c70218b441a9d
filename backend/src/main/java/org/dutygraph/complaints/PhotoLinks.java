package org.dutygraph.complaints;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.dutygraph.complaints.ComplaintViews.PhotoLink;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.platform.graphql.TimeKeys;
import org.springframework.stereotype.Component;

/**
 * Links to a complaint's photos for its citizen, who has no account: signed with a key derived from the pepper and
 * valid for 15 minutes. The receipt never goes into a URL (proxies and logs keep URLs); the app gets fresh links each
 * time it reads the case with the receipt. A link opens one photo, already stripped of its metadata, and nothing else.
 */
@Component
public class PhotoLinks {

    static final Duration VALID = Duration.ofMinutes(15);

    private final Receipts receipts;

    PhotoLinks(Receipts receipts) {
        this.receipts = receipts;
    }

    public List<PhotoLink> links(List<String> photoIds, Instant now) {
        long expires = now.plus(VALID).getEpochSecond();
        return photoIds.stream()
                .map(id -> new PhotoLink(
                        id,
                        "/complaints/photos/" + id + "?expires=" + expires + "&signature=" + signature(id, expires),
                        TimeKeys.utc(expires * 1000)))
                .toList();
    }

    public boolean valid(String photoId, long expires, String signature, Instant now) {
        return signature != null
                && now.getEpochSecond() < expires
                && MessageDigest.isEqual(
                        signature(photoId, expires).getBytes(StandardCharsets.UTF_8),
                        signature.getBytes(StandardCharsets.UTF_8));
    }

    private String signature(String photoId, long expires) {
        return receipts.tag("photo-link", photoId + "|" + expires);
    }
}
