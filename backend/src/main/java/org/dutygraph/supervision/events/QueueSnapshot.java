package org.dutygraph.supervision.events;

import java.time.OffsetDateTime;

/** A hall's waiting count at a moment, as the queue system reported it. */
public record QueueSnapshot(String hallId, OffsetDateTime at, int waiting) {}
