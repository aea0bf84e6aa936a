package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** SUGGESTION 意见建议, DIFFICULTY 困难问题, COMPLAINT 投诉, DISPUTE 邻里纠纷, OTHER 其他. */
@Schema(description = "SUGGESTION 意见建议, DIFFICULTY 困难问题, COMPLAINT 投诉, DISPUTE 邻里纠纷, OTHER 其他.")
public enum ConcernCategory {
  SUGGESTION,
  DIFFICULTY,
  COMPLAINT,
  DISPUTE,
  OTHER
}
