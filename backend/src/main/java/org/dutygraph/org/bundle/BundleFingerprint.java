package org.dutygraph.org.bundle;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 of a bundle as read, entry by entry, so that the same bundle gives the same fingerprint whatever
 * its JSON layout or key order, whether it came as a file or through GraphQL. One pass, no copy of the bundle.
 */
final class BundleFingerprint {

    private BundleFingerprint() {}

    static String of(Bundle bundle) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        add(digest, List.of(String.valueOf(bundle.format()), String.valueOf(bundle.source())));
        for (var section : List.of(
                bundle.areas(),
                bundle.concepts(),
                bundle.organizations(),
                bundle.posts(),
                bundle.persons(),
                bundle.memberships(),
                bundle.supervision(),
                bundle.powerItems(),
                bundle.duties())) {
            add(digest, section);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Records print every component, nested lists included; the separators keep sections apart. */
    private static void add(MessageDigest digest, List<?> entries) {
        for (var entry : entries) {
            digest.update(String.valueOf(entry).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        digest.update((byte) 0);
    }
}
