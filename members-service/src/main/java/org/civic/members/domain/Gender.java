package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Gender (性别): MALE — 男, FEMALE — 女. */
@Schema(description = "Gender (性别): MALE — 男, FEMALE — 女.")
public enum Gender {
  MALE("男"),
  FEMALE("女");

  public final String chinese;

  Gender(String chinese) {
    this.chinese = chinese;
  }
}
