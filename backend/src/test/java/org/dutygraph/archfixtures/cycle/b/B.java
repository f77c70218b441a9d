package org.dutygraph.archfixtures.cycle.b;

import org.dutygraph.archfixtures.cycle.a.A;

/** ... and module b uses module a: a cycle. */
public class B {

    public A partner() {
        return new A();
    }
}
