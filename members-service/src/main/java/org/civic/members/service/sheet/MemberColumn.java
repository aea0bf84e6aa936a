package org.civic.members.service.sheet;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of the member sheet (import and export), each with its English and Chinese header.
 * Headers are matched ignoring case and surrounding spaces; column order does not matter.
 */
public enum MemberColumn {
  NAME("name", "姓名", true),
  GENDER("gender", "性别", true),
  BIRTH_DATE("birthDate", "出生日期", true),
  ETHNICITY("ethnicity", "民族", false),
  PHONE("phone", "联系电话", false),
  STANDING("standing", "党员身份", true),
  JOINED_ON("joinedOn", "入党日期", false),
  FULL_MEMBER_ON("fullMemberOn", "转正日期", false),
  CATEGORY("category", "党员类别", true),
  MEMBERSHIP_HELD("membershipHeld", "组织关系所在", false),
  MEMBERSHIP_ORGANISATION("membershipOrganisation", "组织关系所在党组织", false),
  WORK_UNIT("workUnit", "工作单位", false),
  POSITION("position", "职务", false),
  SPECIALTIES("specialties", "爱好特长", false),
  BUILDING_ID("buildingId", "楼幢编号", false),
  UNIT("unit", "单元", true),
  ROOM("room", "室号", true),
  STATUS("status", "状态", false),
  STATUS_SINCE("statusSince", "状态日期", false);

  public final String english;
  public final String chinese;
  public final boolean required;

  MemberColumn(String english, String chinese, boolean required) {
    this.english = english;
    this.chinese = chinese;
    this.required = required;
  }

  private static final Map<String, MemberColumn> BY_HEADER = new HashMap<>();

  static {
    for (MemberColumn c : values()) {
      BY_HEADER.put(key(c.english), c);
      BY_HEADER.put(key(c.chinese), c);
    }
    // Common variants in community workers' sheets.
    BY_HEADER.put(key("房号"), ROOM);
    BY_HEADER.put(key("室"), ROOM);
    BY_HEADER.put(key("手机"), PHONE);
    BY_HEADER.put(key("电话"), PHONE);
    BY_HEADER.put(key("类别"), CATEGORY);
    BY_HEADER.put(key("楼幢ID"), BUILDING_ID);
  }

  /** The column a header names, or null when it names none (such columns are ignored). */
  public static MemberColumn forHeader(String header) {
    return header == null ? null : BY_HEADER.get(key(header));
  }

  public static List<MemberColumn> all() {
    return List.of(values());
  }

  private static String key(String header) {
    String h = header.strip();
    if (!h.isEmpty() && h.charAt(0) == '\uFEFF') {
      h = h.substring(1).strip();
    }
    return h.toLowerCase(Locale.ROOT);
  }
}
