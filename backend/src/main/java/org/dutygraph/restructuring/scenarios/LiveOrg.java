package org.dutygraph.restructuring.scenarios;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.org.bundle.BundleExportStore;
import org.dutygraph.org.bundle.BundleReader;
import org.dutygraph.org.bundle.Problems;
import org.springframework.stereotype.Component;

/** Today's organisation as a bundle: the live graph exported and read back, never changed. */
@Component
class LiveOrg {

    private final BundleExportStore export;

    LiveOrg(BundleExportStore export) {
        this.export = export;
    }

    Bundle today() {
        var out = new ByteArrayOutputStream(1 << 16);
        export.export(out, "today");
        var problems = new Problems();
        var bundle = new BundleReader(problems).read(new ByteArrayInputStream(out.toByteArray()));
        if (bundle == null || !problems.isEmpty()) {
            throw new IllegalStateException("The live graph's export could not be read back: " + problems.list());
        }
        return bundle;
    }
}
