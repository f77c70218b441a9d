package org.dutygraph.conflicts.engine;

import org.dutygraph.platform.i18n.MessageKey;

/**
 * The explanation of each kind of finding. The arguments carry both names and ids: the Chinese text names units,
 * posts and concepts by name, the English one by id.
 */
public enum ExplanationTexts implements MessageKey {
    ITEM_WITHOUT_DUTY,
    ITEM_ONLY_VACANT,
    DUTY_ON_VACANT_POST,
    SECTION_WITHOUT_POSTS,
    ONE_PERSON_SECTION,
    IDLE_POSTS,
    OVERLOADED_POST,
    OVERLAP,
    ARRANGEMENT_LEADS,
    ROLE_CONFLICT,
    MULTI_HEAD,
    SUPERVISION_CYCLE,
    SIMILAR_WORDING,
    SIMILAR_WORDING_CODING;

    @Override
    public String key() {
        return "conflicts." + name();
    }
}
