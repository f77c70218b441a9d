package org.dutygraph.complaints.routing;

/** What a complaint is about, as the citizen gave it; any field may be null. */
public record ComplaintTarget(String unitId, String windowId, String postId, String badgeNumber, String powerItemId,
                              String matterText) {

    public boolean isEmpty() {
        return unitId == null && windowId == null && postId == null && badgeNumber == null && powerItemId == null
                && (matterText == null || matterText.isBlank());
    }
}
