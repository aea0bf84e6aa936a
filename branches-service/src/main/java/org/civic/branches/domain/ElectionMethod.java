package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a committee came to be: COMPETITIVE_ELECTION 差额选举, NON_COMPETITIVE_ELECTION 等额选举, APPOINTED
 * 上级党组织指派.
 */
@Schema(
    description =
        "How a committee came to be: COMPETITIVE_ELECTION 差额选举, NON_COMPETITIVE_ELECTION 等额选举, APPOINTED 上级党组织指派.")
public enum ElectionMethod {
  COMPETITIVE_ELECTION,
  NON_COMPETITIVE_ELECTION,
  APPOINTED
}
