package org.dutygraph.conflicts;

import java.time.LocalDate;
import java.util.List;
import org.dutygraph.conflicts.engine.ConflictEngine;
import org.dutygraph.conflicts.engine.Finding;
import org.dutygraph.org.bundle.Bundle;
import org.dutygraph.platform.i18n.Messages;

/**
 * The conflict analysis of an organisation given as a validated bundle instead of the live graph: the same
 * engine and settings as a full analysis, on a projection built in memory. Nothing is stored.
 */
public final class BundleAnalysis {

    private final ConflictSettings settings;
    private final Messages messages;

    /** @param messages the catalogue the explanations are rendered from */
    public BundleAnalysis(ConflictSettings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
    }

    /** @param today the day whose memberships say which posts are filled */
    public List<Finding> analyze(Bundle bundle, LocalDate today) {
        return new ConflictEngine(settings.engine(), messages::render)
                .analyze(BundleProjection.of(bundle, today), (step, steps) -> {});
    }
}
