package org.dutygraph.archfixtures.internals.b.internal;

/** Public for b's own packages, internal to module b all the same. */
public class Hidden {

    public String secret() {
        return "b's own";
    }
}
