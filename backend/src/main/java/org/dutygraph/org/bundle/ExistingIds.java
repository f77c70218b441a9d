package org.dutygraph.org.bundle;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** What the validator may ask of the graph already stored, for bundles that refer to earlier imports. */
@org.springframework.modulith.NamedInterface("bundle")
public interface ExistingIds {

    /** The ids among {@code ids} that exist as nodes with {@code label}. */
    Set<String> find(String label, Collection<String> ids);

    /** Scheme ("object" or "action") of each stored concept among {@code ids}. */
    Map<String, String> conceptSchemes(Collection<String> ids);

    ExistingIds NONE = new ExistingIds() {
        @Override
        public Set<String> find(String label, Collection<String> ids) {
            return Set.of();
        }

        @Override
        public Map<String, String> conceptSchemes(Collection<String> ids) {
            return Map.of();
        }
    };
}
