package org.dutygraph.complaints.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import org.dutygraph.complaints.CaseHandling;
import org.dutygraph.complaints.ComplaintSettings;
import org.dutygraph.complaints.ComplaintTexts;
import org.dutygraph.complaints.PhotoLinks;
import org.dutygraph.complaints.photos.DecodePermits;
import org.dutygraph.complaints.photos.PhotoSanitizer;
import org.dutygraph.complaints.photos.PhotoStore;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.dutygraph.platform.ratelimit.RateLimitedException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Photo upload for complaints, apart from GraphQL: {@code POST /complaints/photos} with the image as the
 * request body (no account; rate-limited). The photo is sanitised before it is stored; the answer is the id
 * to pass in submitComplaint. Case handlers fetch photos of complaints they may see with GET.
 */
@RestController
class PhotoController {

    private final PhotoSanitizer sanitizer;
    private final PhotoStore photos;
    private final AnonymousRateLimiter limiter;
    private final ComplaintSettings settings;
    private final CaseHandling handling;
    private final HandlerScopes scopes;
    private final PhotoLinks links;
    private final Clock clock;
    private final Messages messages;

    PhotoController(
            PhotoSanitizer sanitizer,
            PhotoStore photos,
            AnonymousRateLimiter limiter,
            ComplaintSettings settings,
            CaseHandling handling,
            HandlerScopes scopes,
            PhotoLinks links,
            Clock clock,
            Messages messages) {
        this.links = links;
        this.messages = messages;
        this.sanitizer = sanitizer;
        this.photos = photos;
        this.limiter = limiter;
        this.settings = settings;
        this.handling = handling;
        this.scopes = scopes;
        this.clock = clock;
    }

    @PostMapping("/complaints/photos")
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request) throws IOException {
        var language = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
        try {
            limiter.consume(AnonymousRateLimiter.Kind.UPLOAD, request.getRemoteAddr());
        } catch (RateLimitedException e) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(
                            "Retry-After",
                            String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                    .body(error("RATE_LIMITED", messages.render(e.text(), language)));
        }
        int max = settings.photos().maxBytes();
        // Never more than max + 1 bytes in memory; a bigger body is refused once that much has arrived.
        byte[] body = readAtMost(request.getInputStream(), max + 1);
        if (body.length == 0) {
            return ResponseEntity.badRequest()
                    .body(error("REQUIRED", messages.render(Text.of(ComplaintTexts.PHOTO_REQUIRED), language)));
        }
        if (body.length > max) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(error("TOO_LARGE", messages.render(Text.of(ComplaintTexts.PHOTO_TOO_LARGE, max), language)));
        }
        try {
            var clean = sanitizer.sanitize(body);
            var id = photos.save(clean);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .body(Map.of(
                            "photoId",
                            id,
                            "width",
                            clean.width(),
                            "height",
                            clean.height(),
                            "bytes",
                            clean.jpeg().length));
        } catch (PhotoSanitizer.PhotoRejected rejected) {
            var status = rejected.code().equals("UNSUPPORTED_TYPE")
                    ? HttpStatus.UNSUPPORTED_MEDIA_TYPE
                    : HttpStatus.BAD_REQUEST;
            return ResponseEntity.status(status)
                    .body(error(rejected.code(), messages.render(rejected.text(), language)));
        } catch (DecodePermits.Busy busy) {
            long seconds = Math.max(1, busy.retryAfter().toSeconds());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", String.valueOf(seconds))
                    .body(Map.of(
                            "code",
                            "UNAVAILABLE",
                            "message",
                            messages.render(Text.of(ComplaintTexts.PHOTO_BUSY), language),
                            "retryAfterSeconds",
                            seconds));
        }
    }

    /**
     * Case handlers fetch photos of complaints they may see; a citizen, with the signed link complaintByReceipt gave
     * (expires and signature): both only once the photo belongs to a complaint.
     */
    @GetMapping("/complaints/photos/{id}")
    ResponseEntity<byte[]> photo(
            @PathVariable String id,
            @RequestParam(required = false) Long expires,
            @RequestParam(required = false) String signature) {
        boolean linked = expires != null && links.valid(id, expires, signature, clock.instant());
        if (!linked && (expires != null || signature != null)) {
            return ResponseEntity.notFound().build();
        }
        var photo = photos.find(id);
        if (photo.isEmpty()
                || photo.get().complaintId() == null
                || !linked
                        && handling.read(scopes.current(), photo.get().complaintId())
                                .isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.get().jpeg());
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        return in.readNBytes(limit);
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("code", code, "message", message, "field", "body");
    }
}
