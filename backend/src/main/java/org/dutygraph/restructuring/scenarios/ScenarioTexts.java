package org.dutygraph.restructuring.scenarios;

import java.util.List;

/**
 * Every user-facing wording of scenarios in one place: the code (stable, in extensions and UserError.code), the
 * Chinese and the English sentence. Answers carry the English one until the message catalogue takes these over.
 */
public enum ScenarioTexts {
    MISSING_FIELD("缺少字段 %s", "'%s' is required for this kind of step"),
    UNKNOWN_DUTY("职责 %s 不存在或已撤销", "No active duty '%s'"),
    UNKNOWN_UNIT("单位 %s 不存在或已撤销", "No active unit '%s'"),
    UNKNOWN_POST("岗位 %s 不存在或已撤销", "No active post '%s'"),
    UNKNOWN_HOLDER("承接者 %s 不是现有单位或岗位", "No active unit or post '%s' to hold duties"),
    UNKNOWN_CONCEPT("%s 不是对象概念", "'%s' is not an object concept"),
    ID_IN_USE("编号 %s 已被使用", "Id '%s' is already used by a unit or post"),
    CYCLE("%s 会形成循环", "This would make a cycle through '%s'"),
    NESTED_UNITS("合并的单位 %s 互相包含", "Units to merge may not contain each other ('%s')"),
    TOO_FEW_UNITS("至少合并两个单位", "A merge needs at least two units"),
    HAS_SUB_UNITS("单位 %s 仍有下级单位，请先移走或撤销", "Unit '%s' still has sub-units; move or dissolve them first"),
    NOTHING_TO_MOVE("对象 %s 上没有可移交的职责", "No active duty on object '%s' to move"),
    UNKNOWN_VALUE("取值 %s 无效", "'%s' is not one of the accepted values"),
    NEGATIVE("编制数不能为负数", "A quota may not be negative"),
    BUNDLE_RULE("方案结果违反组织数据规则：%s", "The result breaks a bundle rule: %s"),
    DUTY_WITHOUT_HOLDER("职责 %s 已无承接者（%s 已撤销）", "Duty '%s' is left without a holder ('%s' is gone)"),
    NOT_FOUND("方案 %s 不存在", "No scenario '%s'"),
    NOT_VISIBLE("无权查看方案 %s", "Scenario '%s' is neither yours nor shared with you"),
    NOT_OWNER("只有方案所有者可以修改方案 %s", "Only the owners of scenario '%s' may change it"),
    NO_STEPS("方案 %s 没有可撤销的步骤", "Scenario '%s' has no step to undo"),
    STEPS_NO_LONGER_APPLY("方案有 %s 个步骤已不适用于当前组织，请先修改", "%s steps of the scenario no longer apply to today's graph; fix them first"),
    SUPERVISION_NOT_REMOVABLE("导入无法撤销分管关系 %s，请在现网中处理后再应用",
            "An import cannot end the supervision line %s (org-bundle/1 has no way to end one); end it in the live graph first"),
    IMPORT_REJECTED("导入被拒绝：%s", "The import was refused: %s"),
    INVALID_NAME("方案名称为1至200个字符", "A scenario name is 1 to 200 characters");

    private final String zh;
    private final String en;

    ScenarioTexts(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return name();
    }

    public String zh(Object... args) {
        return String.format(zh, args);
    }

    public String en(Object... args) {
        return String.format(en, args);
    }

    StepProblem at(List<String> path, Object... args) {
        return new StepProblem(path, code(), en(args));
    }
}
