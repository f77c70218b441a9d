package org.dutygraph.appraisal.api;

import org.dutygraph.appraisal.AppraisalTexts;
import org.dutygraph.platform.graphql.BadInputException;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Text;

/**
 * A month or period sent in its typed argument (or input field), or, by released app versions, in the deprecated
 * String one beside it: {@code field} is the name the value came in, for errors to point at. Both with different
 * values is refused (CONFLICT at the typed name) rather than one silently winning.
 */
record TypedOrString(String field, String value, boolean conflicting) {

    static TypedOrString of(String stringName, String string, String typedName, String typed) {
        if (typed != null) {
            return new TypedOrString(typedName, typed, string != null && !string.equals(typed));
        }
        return new TypedOrString(string != null ? stringName : typedName, string, false);
    }

    /** For arguments: the value (null when neither was given), or BAD_USER_INPUT when the two disagree. */
    String argument() {
        if (conflicting) {
            throw new BadInputException(field, "CONFLICT", conflict());
        }
        return value;
    }

    /** For input fields: the payload error when the two disagree. */
    UserError inputConflict() {
        return UserError.of("CONFLICT", conflict(), "input", field);
    }

    /** For a required input field given under neither name: MISSING_FIELD at the typed name, naming both. */
    static UserError missing(String typedName, String stringName) {
        return UserError.of(
                "MISSING_FIELD",
                Text.of(AppraisalTexts.TYPED_OR_STRING_MISSING, typedName, stringName),
                "input",
                typedName);
    }

    private Text conflict() {
        return Text.of(AppraisalTexts.TYPED_OR_STRING, field);
    }
}
