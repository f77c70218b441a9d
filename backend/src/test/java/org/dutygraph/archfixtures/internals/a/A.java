package org.dutygraph.archfixtures.internals.a;

import org.dutygraph.archfixtures.internals.b.internal.Hidden;

/** Reaches past module b's API into a sub-package that b does not expose. */
public class A {

    public String peek() {
        return new Hidden().secret();
    }
}
