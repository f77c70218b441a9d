package org.dutygraph.archfixtures.undeclared.a;

import org.dutygraph.archfixtures.undeclared.b.B;

public class A {

    public B other() {
        return new B();
    }
}
