package org.civic.activities.domain;

/** Where a concern is reported upward (报告制度): COMMUNITY 社区, STREET 街道. */
public enum EscalationLevel {
  COMMUNITY,
  STREET
}
