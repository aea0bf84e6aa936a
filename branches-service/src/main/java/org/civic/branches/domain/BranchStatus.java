package org.civic.branches.domain;

/** ACTIVE 在册, DISSOLVED 已撤销. */
public enum BranchStatus {
  ACTIVE,
  DISSOLVED
}
