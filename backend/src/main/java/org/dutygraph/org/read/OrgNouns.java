package org.dutygraph.org.read;

import org.dutygraph.platform.i18n.MessageKey;

/**
 * The things of the organisation graph as nouns, in the reader's language: every feature's "no ... has id" messages
 * name them. Here, in {@code org::read}, so that features that read the graph may name what they did not find.
 */
public enum OrgNouns implements MessageKey {
    UNIT,
    POST,
    PERSON,
    AREA,
    POWER_ITEM,
    CONCEPT,
    DUTY,
    UNIT_OR_PERSON,
    ORGANIZATION,
    ORGANIZATION_OR_POST;

    @Override
    public String key() {
        return "org." + name();
    }
}
