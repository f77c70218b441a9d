package org.dutygraph.org.bundle;

/** Published after a bundle has been written, so that derived views (conflicts, ...) can refresh. */
public record BundleImported(String jobId, int entries) {
}
