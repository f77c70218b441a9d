/**
 * Working days as data: China's public holidays and swapped working weekends, one file per year, shipped for the
 * current and next year and replaceable by an office without a release ({@code dutygraph.calendar.directory}).
 */
@NamedInterface("calendar")
package org.dutygraph.platform.calendar;

import org.springframework.modulith.NamedInterface;
