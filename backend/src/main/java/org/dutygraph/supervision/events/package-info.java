/** The case-event format (JSON lines) and its parser: pure code, no database. */
@NamedInterface("events")
package org.dutygraph.supervision.events;

import org.springframework.modulith.NamedInterface;
