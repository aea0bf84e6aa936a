package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Member category (党员类别): RETIRED_CADRE 离休, RETIRED 退休, EMPLOYED 在职, FLOATING 流动. */
@Schema(
    description = "Member category (党员类别): RETIRED_CADRE 离休, RETIRED 退休, EMPLOYED 在职, FLOATING 流动.")
public enum Category {
  RETIRED_CADRE,
  RETIRED,
  EMPLOYED,
  FLOATING
}
