package org.dutygraph.restructuring.scenarios;

import java.util.List;
import org.dutygraph.platform.i18n.MessageKey;
import org.dutygraph.platform.i18n.Text;

/**
 * Every user-facing wording of restructuring scenarios, as keys of the message catalogue
 * ({@code restructuring.*} in messages.properties and messages_en.properties). The key's name is also the problem's
 * code (UserError.code), which never changes.
 */
public enum ScenarioTexts implements MessageKey {
    MISSING_FIELD,
    UNKNOWN_DUTY,
    UNKNOWN_UNIT,
    UNKNOWN_POST,
    UNKNOWN_HOLDER,
    UNKNOWN_CONCEPT,
    ID_IN_USE,
    CYCLE,
    NESTED_UNITS,
    TOO_FEW_UNITS,
    HAS_SUB_UNITS,
    NOTHING_TO_MOVE,
    UNKNOWN_VALUE,
    NEGATIVE,
    BUNDLE_RULE,
    DUTY_WITHOUT_HOLDER,
    NOT_FOUND,
    NOT_VISIBLE,
    NOT_OWNER,
    NO_STEPS,
    STEPS_NO_LONGER_APPLY,
    LIVE_GRAPH_CHANGED,
    IMPORT_REJECTED,
    INVALID_NAME,
    NOT_IN_UNIT,
    DUPLICATE,
    UNKNOWN_ACTION,
    UNKNOWN_POWER_ITEM,
    TOO_LONG,
    NOTHING_TO_CHANGE,
    UNKNOWN_USER,
    CANNOT_READ_SCENARIOS,
    TOO_MANY_USERS;

    @Override
    public String key() {
        return "restructuring." + name();
    }

    public String code() {
        return name();
    }

    StepProblem at(List<String> path, Object... args) {
        return new StepProblem(path, code(), Text.of(this, args));
    }
}
