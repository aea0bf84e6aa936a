package org.civic.branches.domain;

/** Party standing: PROBATIONARY 预备党员, FULL 正式党员. */
public enum Standing {
  PROBATIONARY,
  FULL
}
