package org.dutygraph.conflicts.engine;

import java.util.Locale;
import org.dutygraph.platform.i18n.Text;

/** Renders an explanation in a language (the message catalogue; the engine itself knows no framework). */
@FunctionalInterface
public interface Explanations {

    String render(Text explanation, Locale language);
}
