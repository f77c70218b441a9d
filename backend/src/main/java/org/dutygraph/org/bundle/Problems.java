package org.dutygraph.org.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects bundle problems; keeps the first {@value #KEPT} and counts the rest. */
@org.springframework.modulith.NamedInterface("bundle")
public final class Problems {

    static final int KEPT = 10_000;

    private final List<BundleProblem> kept = new ArrayList<>();
    private int total;

    public void add(String path, String code, String message) {
        total++;
        if (kept.size() < KEPT) {
            kept.add(new BundleProblem(path, code, message));
        }
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public int total() {
        return total;
    }

    public List<BundleProblem> list() {
        return Collections.unmodifiableList(kept);
    }
}
