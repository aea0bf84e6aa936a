package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a concern is reported upward (报告制度): COMMUNITY 社区, STREET 街道. */
@Schema(description = "Where a concern is reported upward (报告制度): COMMUNITY 社区, STREET 街道.")
public enum EscalationLevel {
  COMMUNITY,
  STREET
}
