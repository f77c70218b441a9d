package org.dutygraph.supervision;

import java.time.Duration;
import org.dutygraph.platform.jobs.PeriodicJob;
import org.springframework.stereotype.Component;

/** Evaluates the open cases every {@code dutygraph.supervision.evaluate-interval} (5 minutes). */
@Component
class SignalEvaluationJob extends PeriodicJob {

    private final SignalEvaluation evaluation;
    private final SupervisionSettings settings;

    SignalEvaluationJob(SignalEvaluation evaluation, SupervisionSettings settings) {
        super("supervision-signals", "Supervision signal evaluation");
        this.evaluation = evaluation;
        this.settings = settings;
    }

    @Override
    protected Duration interval() {
        return settings.evaluateInterval();
    }

    @Override
    protected void runOnce() {
        evaluation.evaluateNow();
    }
}
