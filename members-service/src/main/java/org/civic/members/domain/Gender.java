package org.civic.members.domain;

/** Gender (性别): MALE — 男, FEMALE — 女. */
public enum Gender {
  MALE("男"),
  FEMALE("女");

  public final String chinese;

  Gender(String chinese) {
    this.chinese = chinese;
  }
}
