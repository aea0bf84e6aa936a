package org.civic.branches.domain;

/**
 * How a committee came to be: COMPETITIVE_ELECTION 差额选举, NON_COMPETITIVE_ELECTION 等额选举, APPOINTED
 * 上级党组织指派.
 */
public enum ElectionMethod {
  COMPETITIVE_ELECTION,
  NON_COMPETITIVE_ELECTION,
  APPOINTED
}
