package org.dutygraph.restructuring.scenarios;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.ref.SoftReference;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleExportStore;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.Problems;
import org.springframework.stereotype.Component;

/**
 * Today's organisation as a bundle: the live graph exported and read back, never changed. The organisation graph
 * changes only through imports, each of which is a new version ({@link OrgVersions}), so the last export is kept
 * (softly: the collector may take it back) and reused until the next import.
 */
@Component
class LiveOrg {

    private record Export(String version, Bundle bundle) {}

    private final BundleExportStore export;
    private final ScenarioStore versions;
    private volatile SoftReference<Export> last = new SoftReference<>(null);

    LiveOrg(BundleExportStore export, ScenarioStore versions) {
        this.export = export;
        this.versions = versions;
    }

    Bundle today() {
        // the version is read before exporting: an import in between makes the next read export again
        var version = versions.currentVersionKey();
        var cached = last.get();
        if (cached != null && cached.version().equals(version)) return cached.bundle();
        var bundle = exported();
        last = new SoftReference<>(new Export(version, bundle));
        return bundle;
    }

    private Bundle exported() {
        var out = new ByteArrayOutputStream(1 << 16);
        export.export(out, "today");
        var problems = new Problems(org.dutygraph.platform.i18n.Text::toString);
        var bundle = new BundleReader(problems).read(new ByteArrayInputStream(out.toByteArray()));
        if (bundle == null || !problems.isEmpty()) {
            throw new IllegalStateException("The live graph's export could not be read back: " + problems.list());
        }
        return bundle;
    }
}
