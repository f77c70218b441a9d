package org.dutygraph.complaints;

/**
 * Which complaints a case handler may see: the efficiency office (inspectors) all of them, unit staff
 * those routed to their unit or its sub-units, anyone else none.
 */
public record HandlerScope(String username, boolean all, String unitId, boolean office) {

    public static HandlerScope office(String username) {
        return new HandlerScope(username, true, null, true);
    }

    public static HandlerScope unit(String username, String unitId) {
        return new HandlerScope(username, false, unitId, false);
    }
}
