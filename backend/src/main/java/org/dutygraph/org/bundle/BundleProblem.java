package org.dutygraph.org.bundle;

/**
 * Something wrong with a bundle, located by a JSON path such as {@code $.duties[12].holder_id}.
 *
 * @param code a stable machine-readable reason, e.g. {@code UNKNOWN_REFERENCE}
 */
@org.springframework.modulith.NamedInterface("bundle")
public record BundleProblem(String path, String code, String message) {
}
