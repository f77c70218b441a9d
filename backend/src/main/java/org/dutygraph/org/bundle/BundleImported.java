package org.dutygraph.org.bundle;

import java.util.List;

/**
 * Published after a bundle has been written, so that derived views (conflicts, ...) can refresh.
 *
 * @param dutyIds    the duties the bundle wrote
 * @param dutiesOnly true when the bundle held nothing but duties, so only those duties changed
 */
@org.springframework.modulith.NamedInterface("bundle")
public record BundleImported(String jobId, int entries, List<String> dutyIds, boolean dutiesOnly) {

    static BundleImported of(String jobId, Bundle bundle) {
        boolean dutiesOnly = bundle.size() == bundle.duties().size();
        return new BundleImported(
                jobId,
                bundle.size(),
                bundle.duties().stream().map(Bundle.Duty::id).toList(),
                dutiesOnly);
    }
}
