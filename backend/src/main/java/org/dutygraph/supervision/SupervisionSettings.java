package org.dutygraph.supervision;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dutygraph.supervision.*}: the systems allowed to send case events and queue snapshots (each an id and the
 * SHA-256 of its secret, hex), the supervision period in working days, how often signals are evaluated, the units
 * whose accounts form the supervision office (red cards go to them), and the service halls whose queues are
 * watched with their initial thresholds (written to the graph at start for a hall the graph does not have yet; the
 * graph wins afterwards, see {@link HallThresholds}).
 *
 * @param systems           the systems allowed to send case events and queue snapshots: an id (letters, digits, '.',
 *                          '_' or '-', at most 64, each id once) and the SHA-256 (64 hex digits) of its secret each
 * @param supervisionPeriod working days a yellow card may stay uncleared before it turns red
 * @param evaluateInterval  how often open cases are evaluated for new signals
 * @param officeUnitIds     the units whose accounts form the supervision office (red cards go to them)
 * @param maxBatchLines     the most lines one batch of case events or queue snapshots may have
 * @param halls             the service halls whose waiting queues are watched, with their initial thresholds
 * @param rankingMinimumCases the fewest cases with a committed limit a department must have ended in a month to be
 *                          ranked publicly by its on-time rate (fewer would show a handful of people's work)
 */
@ConfigurationProperties("dutygraph.supervision")
record SupervisionSettings(
        @DefaultValue List<SystemCredential> systems,
        @DefaultValue("2") int supervisionPeriod,
        @DefaultValue("5m") Duration evaluateInterval,
        @DefaultValue List<String> officeUnitIds,
        @DefaultValue("20000") int maxBatchLines,
        @DefaultValue List<Hall> halls,
        @DefaultValue("20") int rankingMinimumCases) {

    SupervisionSettings {
        if (rankingMinimumCases < 1) {
            throw new IllegalArgumentException(
                    "dutygraph.supervision.ranking-minimum-cases must be at least 1, not " + rankingMinimumCases);
        }
        var systemIds = new HashSet<String>();
        for (int i = 0; i < systems.size(); i++) {
            systems.get(i).check("dutygraph.supervision.systems[" + i + "]", systemIds);
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < halls.size(); i++) {
            halls.get(i).check("dutygraph.supervision.halls[" + i + "]");
            if (!seen.add(halls.get(i).unitId())) {
                throw new IllegalArgumentException("dutygraph.supervision.halls[" + i + "].unit-id: hall "
                        + halls.get(i).unitId() + " twice");
            }
        }
    }

    record SystemCredential(String id, String secretSha256) {

        /**
         * An event's key is the system id, {@code /} and the event id: an id holding {@code /} could make two systems'
         * keys equal (system {@code a/b} with event {@code c}, system {@code a} with event {@code b/c}), and the
         * second event would be refused as an id used again. HTTP Basic cannot carry {@code :} in a user id either.
         */
        private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

        private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

        /** Refuses a bad id or hash, and an id given twice, naming the setting ({@code ...systems[0]}). */
        void check(String prefix, Set<String> seen) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException(prefix + ".id must be 1 to 64 letters, digits, '.', '_' or '-' "
                        + "(starting with a letter or digit), not " + (id == null ? "missing" : "'" + id + "'"));
            }
            if (!seen.add(id)) {
                throw new IllegalArgumentException(prefix + ".id: system " + id + " twice");
            }
            if (secretSha256 == null || !SHA256.matcher(secretSha256.strip()).matches()) {
                throw new IllegalArgumentException(prefix + ".secret-sha256 must be the secret's SHA-256 as 64 hex "
                        + "digits (the first field of: printf %s \"$SECRET\" | sha256sum)");
            }
        }
    }

    /**
     * A service hall (a unit) whose waiting queue is watched: a level is raised when the waiting count reaches its
     * threshold and cleared when it falls below the threshold minus {@code clearMargin}. Each level is told to a
     * post: the given one, else the hall's head (yellow), the leader in charge (orange) or the head of the unit
     * above the hall (red).
     */
    record Hall(
            String unitId,
            int yellow,
            int orange,
            int red,
            Integer clearMargin,
            String yellowPostId,
            String orangePostId,
            String redPostId) {

        /** Without a clear margin: a fifth of yellow, at least 1, but below yellow (0 when yellow is 1). */
        Hall {
            if (clearMargin == null) clearMargin = Math.max(0, Math.min(Math.max(1, yellow / 5), yellow - 1));
        }

        /** Refuses bad values, naming the setting ({@code prefix} is the hall's, e.g. {@code ...halls[0]}). */
        void check(String prefix) {
            if (unitId == null || unitId.isBlank()) {
                throw new IllegalArgumentException(prefix + ".unit-id is required");
            }
            if (yellow < 1) {
                throw new IllegalArgumentException(prefix + ".yellow must be at least 1, not " + yellow);
            }
            if (orange <= yellow) {
                throw new IllegalArgumentException(
                        prefix + ".orange must be above yellow (" + yellow + "), not " + orange);
            }
            if (red <= orange) {
                throw new IllegalArgumentException(prefix + ".red must be above orange (" + orange + "), not " + red);
            }
            if (clearMargin < 0 || clearMargin >= yellow) {
                throw new IllegalArgumentException(prefix + ".clear-margin must lie between 0 and yellow - 1 ("
                        + (yellow - 1) + "), not " + clearMargin);
            }
        }
    }
}
