package org.civic.branches.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ACTIVE 在册, DISSOLVED 已撤销. */
@Schema(description = "ACTIVE 在册, DISSOLVED 已撤销.")
public enum BranchStatus {
  ACTIVE,
  DISSOLVED
}
