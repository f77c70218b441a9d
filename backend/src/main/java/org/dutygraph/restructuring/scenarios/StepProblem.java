package org.dutygraph.restructuring.scenarios;

import java.util.List;
import org.dutygraph.platform.i18n.Text;

/** Something wrong with a step (or a consequence worth a warning), located by a path into the input. */
public record StepProblem(List<String> path, String code, Text message) {}
