package org.dutygraph.supervision.signals;

import java.time.Instant;

/**
 * A warning raised on a case. {@code due}: the limit passed or about to pass (null for {@code no_reason} and
 * {@code unlisted_fee}); {@code clearedAt}: when the case was concluded (or rejected), null while it is open.
 */
public record Signal(
        String caseId,
        Rule rule,
        String powerItemId,
        String unitId,
        String postId,
        Instant raisedAt,
        Instant due,
        Instant clearedAt) {

    public Level level() {
        return rule.level();
    }

    public Signal clearedAt(Instant at) {
        return new Signal(caseId, rule, powerItemId, unitId, postId, raisedAt, due, at);
    }

    public enum Level {
        notice,
        yellow,
        red
    }

    public enum Rule {
        deadline_near(Level.notice),
        over_committed(Level.yellow),
        step_over(Level.yellow),
        no_reason(Level.yellow),
        not_cleared(Level.red),
        over_statutory(Level.red),
        unlisted_fee(Level.red);

        private final Level level;

        Rule(Level level) {
            this.level = level;
        }

        public Level level() {
            return level;
        }
    }
}
