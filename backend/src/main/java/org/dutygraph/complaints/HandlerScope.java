package org.dutygraph.complaints;

/**
 * Which complaints a case handler may see: the efficiency office (inspectors of an office unit) all of them,
 * anyone else with a unit those routed to their unit or its sub-units, anyone else none. Contact details go
 * only to the handling unit (the office for complaints waiting in its triage queue), never to the person a complaint
 * names ({@code personId}: the handler's own person, when their account has one).
 */
public record HandlerScope(String username, boolean all, String unitId, boolean office, String personId) {

    public static HandlerScope office(String username, String officeUnitId, String personId) {
        return new HandlerScope(username, true, officeUnitId, true, personId);
    }

    public static HandlerScope unit(String username, String unitId, String personId) {
        return new HandlerScope(username, false, unitId, false, personId);
    }
}
