package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Party standing: PROBATIONARY — 预备党员, FULL — 正式党员. */
@Schema(description = "Party standing: PROBATIONARY — 预备党员, FULL — 正式党员.")
public enum Standing {
  PROBATIONARY("预备党员"),
  FULL("正式党员");

  public final String chinese;

  Standing(String chinese) {
    this.chinese = chinese;
  }
}
