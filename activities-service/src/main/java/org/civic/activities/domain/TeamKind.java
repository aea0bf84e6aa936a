package org.civic.activities.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Volunteer team kinds: PATROL 治安巡逻, SANITATION 环境卫生, MEDICAL 医疗保健, APPLIANCE_REPAIR 家电维修,
 * PUBLICITY 宣传, ELDER_CARE 敬老助老. Each suggests candidates by specialty tags.
 */
@Schema(
    description =
        "Volunteer team kinds: PATROL 治安巡逻, SANITATION 环境卫生, MEDICAL 医疗保健, APPLIANCE_REPAIR 家电维修, PUBLICITY 宣传, ELDER_CARE 敬老助老. Each suggests candidates by specialty tags.")
public enum TeamKind {
  PATROL("patrol", "security"),
  SANITATION("sanitation", "cleaning", "gardening"),
  MEDICAL("medical", "nursing", "health"),
  APPLIANCE_REPAIR("repair", "electrician", "appliance"),
  PUBLICITY("publicity", "calligraphy", "writing", "photography", "painting"),
  ELDER_CARE("elder-care", "nursing", "companionship");

  private final java.util.List<String> tags;

  TeamKind(String... tags) {
    this.tags = java.util.List.of(tags);
  }

  /** Specialty tags (爱好特长) that make a member a good candidate for this kind of team. */
  public java.util.List<String> defaultTags() {
    return tags;
  }
}
