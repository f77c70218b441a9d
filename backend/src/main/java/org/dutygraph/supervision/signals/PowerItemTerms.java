package org.dutygraph.supervision.signals;

import java.util.Set;

/**
 * What the power list says of an item: its limits in working days (null when the list gives none, and then that
 * limit raises nothing) and the charges it may lawfully collect (none listed: no charge is lawful).
 */
public record PowerItemTerms(String id, Integer statutoryDays, Integer committedDays, Set<String> feeItems) {}
