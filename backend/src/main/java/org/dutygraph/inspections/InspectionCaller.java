package org.dutygraph.inspections;

/**
 * Who is asking. An inspector's account unit is their efficiency office; a plan is managed by the office
 * members named on it (its creator and the managers they name), and only they see it whole. Any inspector
 * may be drawn for visits and sees their own assignments; unit staff see what was issued to their unit.
 */
public record InspectionCaller(String username, String unitId, boolean inspector, boolean staff) {

    /** The username to match plan managers against: only inspectors manage plans. */
    public String manager() {
        return inspector ? username : null;
    }
}
