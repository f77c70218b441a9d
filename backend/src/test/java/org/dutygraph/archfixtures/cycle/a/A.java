package org.dutygraph.archfixtures.cycle.a;

import org.dutygraph.archfixtures.cycle.b.B;

/** Module a uses module b ... */
public class A {

    public B partner() {
        return new B();
    }
}
