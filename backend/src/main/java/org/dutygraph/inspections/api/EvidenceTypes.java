package org.dutygraph.inspections.api;

import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;

/** The content types evidence is served as: the phone's declared type only if it is a known media type. */
final class EvidenceTypes {

    private static final Set<String> ALLOWED = Set.of(
            "image/jpeg",
            "image/png",
            "image/heic",
            "image/heif",
            "image/webp",
            "video/mp4",
            "video/quicktime",
            "video/3gpp",
            "audio/mpeg",
            "audio/mp4",
            "audio/aac",
            "audio/amr",
            "audio/wav",
            "audio/ogg");

    private EvidenceTypes() {}

    static MediaType served(String declared) {
        if (declared == null) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        var type = declared.strip().toLowerCase(Locale.ROOT);
        return ALLOWED.contains(type) ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM;
    }
}
