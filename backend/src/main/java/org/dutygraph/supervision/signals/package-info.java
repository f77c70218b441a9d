/** The signal rules as pure code: a case's events, its power item's limits and the calendar in, signals out. */
@NamedInterface("signals")
package org.dutygraph.supervision.signals;

import org.springframework.modulith.NamedInterface;
