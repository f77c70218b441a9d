package org.dutygraph.restructuring.scenarios;

import java.util.List;

/**
 * One change of a scenario (docs/restructuring.md, "Steps"): a kind and the fields that kind reads; the others
 * stay null. Stored as JSON with snake_case names, exactly as documented.
 */
public record ScenarioStep(
        Kind kind,
        List<String> dutyIds,
        String objectId,
        String fromUnitId,
        String toHolderId,
        List<String> unitIds,
        String unitId,
        String targetUnitId,
        String name,
        String classification,
        String parentId,
        String postId,
        String label,
        String role,
        String reportsToPostId,
        String supervisorPostId,
        String supervisionKind,
        Integer quota,
        String leadDutyId,
        String arrangementId,
        List<String> postIds,
        String dutyId,
        String text,
        String actionId,
        List<String> objectIds,
        List<String> powerItemIds) {

    public enum Kind {
        MOVE_DUTIES,
        MOVE_DUTIES_ON_OBJECT,
        MERGE_UNITS,
        RENAME_UNIT,
        CREATE_UNIT,
        DISSOLVE_UNIT,
        MOVE_UNIT,
        CREATE_POST,
        MOVE_POST,
        ABOLISH_POST,
        SET_SUPERVISION,
        SET_REPORTS_TO,
        SET_QUOTA,
        SET_ARRANGEMENT,
        SPLIT_UNIT,
        EDIT_DUTY
    }
}
