package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * State of a transfer: REQUESTED — 已申请 (the sending side stays responsible), CONFIRMED — 已确认 (the
 * receiving side confirmed), REJECTED — 已退回, EXPIRED — 已过期 (the letter's validity passed before
 * confirmation).
 */
@Schema(
    description =
        "State of a transfer: REQUESTED — 已申请 (the sending side stays responsible), CONFIRMED — 已确认 (the receiving side confirmed), REJECTED — 已退回, EXPIRED — 已过期 (the letter's validity passed before confirmation).")
public enum TransferState {
  REQUESTED,
  CONFIRMED,
  REJECTED,
  EXPIRED
}
