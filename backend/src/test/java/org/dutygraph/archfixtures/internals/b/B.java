package org.dutygraph.archfixtures.internals.b;

/** Module b's API: its base package. */
public class B {}
