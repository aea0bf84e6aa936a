package org.civic.members.domain;

/** Text lengths of the register (the database columns), shared by the API and the import. */
public final class MemberLimits {
  public static final int NAME = 50;
  public static final int ETHNICITY = 30;
  public static final int PHONE = 30;
  public static final int ORGANISATION = 200;
  public static final int WORK_UNIT = 200;
  public static final int POSITION = 100;
  public static final int TAG = 30;
  public static final int TAGS = 20;
  public static final int UNIT = 20;
  public static final int ROOM = 20;
  public static final int REASON = 500;
  public static final int SENSITIVE_TEXT = 2000;
  public static final int HARDSHIP_REASON = 1000;
  public static final int LETTER_NUMBER = 60;
  public static final int FAMILY_MEMBERS = 30;

  private MemberLimits() {}
}
