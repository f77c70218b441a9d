package org.dutygraph.org.bundle;

/** Where a bundle comes from: a stream (file, upload) or a document already parsed (GraphQL). */
@FunctionalInterface
public interface BundleSource {

    /** Reads the bundle; returns null when it cannot be read, with the reason in the reader's problems. */
    Bundle read(BundleReader reader);

    static BundleSource of(java.io.InputStream json) {
        return reader -> reader.read(json);
    }

    static BundleSource parsed(Object document) {
        return reader -> reader.read(document);
    }
}
