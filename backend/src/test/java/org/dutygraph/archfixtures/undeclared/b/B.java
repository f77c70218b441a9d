package org.dutygraph.archfixtures.undeclared.b;

public class B {}
