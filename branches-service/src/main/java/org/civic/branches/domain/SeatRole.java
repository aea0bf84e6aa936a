package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Committee roles: SECRETARY 书记, DEPUTY_SECRETARY 副书记, ORGANISATION 组织委员, PUBLICITY 宣传委员,
 * DISCIPLINE 纪检委员, MEMBER 委员.
 */
@Schema(
    description =
        "Committee roles: SECRETARY 书记, DEPUTY_SECRETARY 副书记, ORGANISATION 组织委员, PUBLICITY 宣传委员, DISCIPLINE 纪检委员, MEMBER 委员.")
public enum SeatRole {
  SECRETARY,
  DEPUTY_SECRETARY,
  ORGANISATION,
  PUBLICITY,
  DISCIPLINE,
  MEMBER
}
