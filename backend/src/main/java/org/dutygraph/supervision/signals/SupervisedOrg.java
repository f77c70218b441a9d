package org.dutygraph.supervision.signals;

/** What the signals need of the duty graph, from a bundle (command line) or from the graph (service). */
public interface SupervisedOrg {

    /** null when the power list has no such item */
    PowerItemTerms powerItem(String id);

    boolean unitExists(String id);

    boolean postExists(String id);

    /**
     * The post answering for a case of this item in this unit when no event names one: the post holding a duty that
     * exercises the item in the unit (or a section of it), else the unit's head; null when there is neither.
     */
    String responsiblePost(String unitId, String powerItemId);
}
