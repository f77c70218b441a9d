package org.dutygraph.org.bundle;

/**
 * What an imported bundle stands for. An update (the format's default) changes what has the same id and adds what
 * is new. A whole state (a restructuring scenario's target) is the entire organisation: on top of that, the
 * supervision lines it does not list end, since a line has no id or status the bundle could end it by.
 */
@org.springframework.modulith.NamedInterface("bundle")
public enum ImportScope {
    UPDATE,
    WHOLE_STATE
}
