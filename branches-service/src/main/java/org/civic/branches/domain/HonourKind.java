package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Honours: ADVANCED_BUILDING_BRANCH 先进樓幢党支部 (a branch), CIVILISED_BUILDING 文明樓幢 (a building),
 * OUTSTANDING_MEMBER 社区优秀党员 (a member).
 */
@Schema(
    description =
        "Honours: ADVANCED_BUILDING_BRANCH 先进樓幢党支部 (a branch), CIVILISED_BUILDING 文明樓幢 (a building), OUTSTANDING_MEMBER 社区优秀党员 (a member).")
public enum HonourKind {
  ADVANCED_BUILDING_BRANCH,
  CIVILISED_BUILDING,
  OUTSTANDING_MEMBER
}
