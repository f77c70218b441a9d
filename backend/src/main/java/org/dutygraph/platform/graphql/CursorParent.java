package org.dutygraph.platform.graphql;

/**
 * An object without an id whose lists page (an input sheet's log): what it is, for its lists' cursors to be bound to.
 * Without it they are bound to the fields and arguments above, so the same object asked under another argument name
 * (a deprecated String period beside its typed twin) would refuse them.
 */
public interface CursorParent {

    /** The same for the same object however it was asked for, different for any other of its type. */
    String cursorParent();
}
