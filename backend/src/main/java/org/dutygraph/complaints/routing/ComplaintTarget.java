package org.dutygraph.complaints.routing;

/**
 * What a complaint is about, as the citizen gave it; any field may be null. {@code matterId} is an object
 * concept picked from the public list of matters.
 */
public record ComplaintTarget(
        String unitId,
        String windowId,
        String postId,
        String badgeNumber,
        String powerItemId,
        String matterText,
        String matterId) {

    public boolean isEmpty() {
        return unitId == null
                && windowId == null
                && postId == null
                && badgeNumber == null
                && powerItemId == null
                && matterId == null
                && (matterText == null || matterText.isBlank());
    }
}
