package org.dutygraph.org.bundle;

/** Told how far a bundle write has come, after every batch. */
@FunctionalInterface
public interface ImportProgress {

    void update(String phase, long written, long total);

    ImportProgress NONE = (phase, written, total) -> {};
}
