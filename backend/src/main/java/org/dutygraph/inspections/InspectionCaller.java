package org.dutygraph.inspections;

/**
 * Who is asking. An inspector's account unit is their efficiency office: they manage that office's plans.
 * Any inspector may be drawn for visits; unit staff see what was issued to their unit.
 */
public record InspectionCaller(String username, String unitId, boolean inspector, boolean staff) {

    public boolean officeOf(String officeUnitId) {
        return inspector && unitId != null && unitId.equals(officeUnitId);
    }
}
