package org.dutygraph.org.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.dutygraph.platform.i18n.Text;

/** Collects bundle problems; keeps the first {@value #KEPT} and counts the rest. */
@org.springframework.modulith.NamedInterface("bundle")
public final class Problems {

    static final int KEPT = 10_000;

    private final List<BundleProblem> kept = new ArrayList<>();
    private final Function<Text, String> words;
    private int total;

    /** @param words renders a problem's reason in the words kept beside it (Chinese, see {@code Messages#chinese}) */
    public Problems(Function<Text, String> words) {
        this.words = words;
    }

    public void add(String path, String code, Text reason) {
        total++;
        if (kept.size() < KEPT) {
            kept.add(new BundleProblem(path, code, words.apply(reason), reason));
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
