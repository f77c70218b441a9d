package org.dutygraph.cases;

import org.dutygraph.platform.graphql.UserError;

/** Every user-facing text of cases, by code, in Chinese and English (to move into the message catalogue at merge). */
enum CaseTexts {
    NOT_FOUND("没有此问责案件", "No such case"),
    NO_CATALOGUE("当日没有施行的问责情形目录", "No situation catalogue is in force on that day"),
    UNKNOWN_SITUATION("目录中没有此问责情形", "The catalogue in force has no such situation"),
    UNKNOWN_POST("没有此岗位", "No such post"),
    NO_POST("需要指明岗位或工号", "Name the post or the badge number"),
    NO_PERSON("行为发生之日该岗位没有唯一的在岗人员，请给出工号", "Nobody (or more than one person) held the post that day: give the badge number"),
    REQUIRED("必填", "Required"),
    TOO_LONG("内容过长", "Too long"),
    UNKNOWN_VALUE("取值无效", "Not one of the allowed values"),
    FUTURE_DATE("日期不能晚于今天", "The day cannot be after today"),
    WRONG_STATUS("案件当前状态不允许此操作", "The case's status does not allow this step"),
    UNKNOWN_MEASURE("不是问责方式序列中的措施", "Not a measure of the ladder"),
    OUT_OF_RANGE_REASON_REQUIRED("措施超出该情形的幅度，须书面说明理由", "The measure is outside the situation's range: give the written reason"),
    ALREADY_SUSPENDED("已先行停职", "Already suspended"),
    APPEAL_PERIOD_OPEN("申诉期未满，不能执行", "The appeal period has not ended"),
    APPEAL_PERIOD_OVER("申诉期已过", "The appeal period is over"),
    ALREADY_APPEALED("只能申诉一次", "A case is appealed once only"),
    NOT_APPEAL_BOARD("申诉由上一级决定", "Appeals are decided by the level above"),
    APPEAL_BOARD_ONLY_APPEALS("上一级只决定申诉", "The level above decides appeals only"),
    OUT_OF_RANGE("超出允许范围", "Out of the allowed range");

    final String zh;
    final String en;

    CaseTexts(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    UserError at(String... path) {
        return UserError.of(name(), en, path);
    }
}
