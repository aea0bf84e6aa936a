package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** ROUTINE 例行走访, ILLNESS 探病, HARDSHIP 困难帮扶, FESTIVAL 节日慰问. */
@Schema(description = "ROUTINE 例行走访, ILLNESS 探病, HARDSHIP 困难帮扶, FESTIVAL 节日慰问.")
public enum VisitKind {
  ROUTINE,
  ILLNESS,
  HARDSHIP,
  FESTIVAL
}
