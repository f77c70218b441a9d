package org.dutygraph.complaints;

/**
 * Which complaints a case handler may see: the efficiency office (inspectors of an office unit) all of them,
 * anyone else with a unit those routed to their unit or its sub-units, anyone else none. Contact details go
 * only to the handling unit (the office for complaints waiting in its triage queue).
 */
public record HandlerScope(String username, boolean all, String unitId, boolean office) {

    public static HandlerScope office(String username, String officeUnitId) {
        return new HandlerScope(username, true, officeUnitId, true);
    }

    public static HandlerScope unit(String username, String unitId) {
        return new HandlerScope(username, false, unitId, false);
    }
}
