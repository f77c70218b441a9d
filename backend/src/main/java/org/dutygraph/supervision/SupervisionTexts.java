package org.dutygraph.supervision;

import org.dutygraph.supervision.signals.Signal;

/** Every user-facing text of supervision, Chinese and English, by a code that never changes. */
enum SupervisionTexts {
    NOTICE_TITLE("效能监察提醒", "Supervision notice"),
    YELLOW_TITLE("效能监察黄牌", "Supervision yellow card"),
    RED_TITLE("效能监察红牌", "Supervision red card"),
    DEADLINE_NEAR("办件 %s 今日到达承诺时限，请及时办结。", "Case %s reaches its committed time limit today."),
    OVER_COMMITTED("办件 %s 已超过承诺时限。", "Case %s is past its committed time limit."),
    STEP_OVER("办件 %s 有环节超过环节时限。", "A step of case %s took longer than its limit."),
    NO_REASON("办件 %s 不予受理或不予许可未说明理由。", "Case %s was rejected without a reason."),
    NOT_CLEARED("办件 %s 的黄牌在督办期内未消除。", "The yellow card of case %s was not cleared in the supervision period."),
    OVER_STATUTORY("办件 %s 已超过法定时限。", "Case %s is past its statutory time limit."),
    UNLISTED_FEE("办件 %s 收取了权责清单未列明的费用。", "Case %s was charged a fee the power list does not list.");

    private final String zh;
    private final String en;

    SupervisionTexts(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    String zh(Object... args) {
        return zh.formatted(args);
    }

    String en(Object... args) {
        return en.formatted(args);
    }

    static SupervisionTexts title(Signal.Level level) {
        return switch (level) {
            case notice -> NOTICE_TITLE;
            case yellow -> YELLOW_TITLE;
            case red -> RED_TITLE;
        };
    }

    static SupervisionTexts body(Signal.Rule rule) {
        return valueOf(rule.name().toUpperCase());
    }
}
