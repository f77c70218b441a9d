package org.dutygraph.complaints.matters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Service;

/**
 * The matters a citizen can pick: every object concept. Ordered by rank then id, so that pages and cursors are
 * stable while the concepts do not change; the version changes whenever one does (id, label, synonyms, broader).
 */
@Service
class MatterCatalogue {

    static final int MAX_FILTER = 20;

    private final MatterStore store;

    MatterCatalogue(MatterStore store) {
        this.store = store;
    }

    /** A page after the cursor key ({@code rank|id}); the filter matches label and synonyms, prefix before contains. */
    List<MatterView> page(String filter, String after, int limit) {
        var q = normalised(filter);
        if (after == null) {
            return store.page(q, null, null, limit);
        }
        int bar = after.indexOf('|');
        if (bar != 1 || (after.charAt(0) != '0' && after.charAt(0) != '1')) {
            throw new BadInputException("after", "INVALID_CURSOR", Text.of(PlatformTexts.NOT_OUR_CURSOR, "after"));
        }
        return store.page(q, after.charAt(0) - '0', after.substring(2), limit);
    }

    Map<String, MatterView> byIds(Collection<String> ids) {
        return store.byIds(ids).stream().collect(Collectors.toMap(MatterView::id, Function.identity()));
    }

    /** A digest of every matter as listed: equal versions mean equal lists. */
    String version() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (var m : store.all()) {
                var row = String.join(
                        "\u0001",
                        m.id(),
                        m.label(),
                        String.join("\u0002", m.synonyms()),
                        m.broaderId() == null ? "" : m.broaderId());
                digest.update((row + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The filter as matched (lower case, trimmed); null when there is nothing to filter by. */
    static String normalised(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        var text = filter.strip();
        if (text.codePointCount(0, text.length()) > MAX_FILTER) {
            throw new BadInputException(
                    "filter", "TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, "filter", MAX_FILTER));
        }
        return text.toLowerCase(Locale.ROOT);
    }
}
