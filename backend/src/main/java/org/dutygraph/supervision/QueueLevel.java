package org.dutygraph.supervision;

/** The alert levels of a hall's waiting queue, lowest first. */
public enum QueueLevel {
    yellow,
    orange,
    red
}
