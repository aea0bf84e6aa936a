package org.civic.members.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Direction of a membership transfer (组织关系转接): OUT — 转出 (a member of this community leaves), IN —
 * 转入 (a member arrives from another organisation).
 */
@Schema(
    description =
        "Direction of a membership transfer (组织关系转接): OUT — 转出 (a member of this community leaves), IN — 转入 (a member arrives from another organisation).")
public enum TransferDirection {
  OUT,
  IN
}
