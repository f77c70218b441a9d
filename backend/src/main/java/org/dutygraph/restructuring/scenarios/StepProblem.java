package org.dutygraph.restructuring.scenarios;

import java.util.List;

/** Something wrong with a step (or a consequence worth a warning), located by a path into the input. */
public record StepProblem(List<String> path, String code, String message) {
}
