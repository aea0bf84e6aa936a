package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Kinds of branch meetings and activities; the first seven are the organisational-life meetings.
 */
@Schema(description = ActivityType.DESCRIPTION)
public enum ActivityType {
  /** 支部党员大会 */
  BRANCH_MEMBERS_MEETING("支部党员大会", MeetingFrequency.QUARTERLY),
  /** 支委会 */
  COMMITTEE_MEETING("支委会", MeetingFrequency.MONTHLY),
  /** 党小组会 */
  PARTY_GROUP_MEETING("党小组会", MeetingFrequency.MONTHLY),
  /** 党课 */
  PARTY_LESSON("党课", MeetingFrequency.QUARTERLY),
  /** 主题党日 */
  THEME_DAY("主题党日", MeetingFrequency.MONTHLY),
  /** 组织生活会 */
  ANNUAL_REVIEW_MEETING("组织生活会", MeetingFrequency.YEARLY),
  /** 民主评议党员 */
  MEMBER_APPRAISAL("民主评议党员", MeetingFrequency.YEARLY),
  STUDY("学习", null),
  DISCUSSION("座谈讨论", null),
  VOLUNTEER_SERVICE("志愿服务", null),
  PATROL("治安巡逻", null),
  CULTURE_SPORT("文体活动", null),
  YOUTH_CARE("关心下一代", null),
  OTHER("其他", null);

  public static final String DESCRIPTION =
      "BRANCH_MEMBERS_MEETING — 支部党员大会 (quarterly); COMMITTEE_MEETING — 支委会 (monthly);"
          + " PARTY_GROUP_MEETING — 党小组会 (monthly); PARTY_LESSON — 党课 (quarterly);"
          + " THEME_DAY — 主题党日 (monthly); ANNUAL_REVIEW_MEETING — 组织生活会 (yearly);"
          + " MEMBER_APPRAISAL — 民主评议党员 (yearly); STUDY — 学习; DISCUSSION — 座谈讨论;"
          + " VOLUNTEER_SERVICE — 志愿服务; PATROL — 治安巡逻; CULTURE_SPORT — 文体活动;"
          + " YOUTH_CARE — 关心下一代; OTHER — 其他";

  private final String chinese;
  private final MeetingFrequency requiredFrequency;

  ActivityType(String chinese, MeetingFrequency requiredFrequency) {
    this.chinese = chinese;
    this.requiredFrequency = requiredFrequency;
  }

  public String chinese() {
    return chinese;
  }

  /** How often a branch must hold it (三会一课), or null when it is not a required meeting. */
  public MeetingFrequency requiredFrequency() {
    return requiredFrequency;
  }
}
