package org.civic.members.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.civic.domain.RuleViolation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Sensitive personal information (PIPL 敏感个人信息) of a member, stored apart from the member record:
 * health (身体状况), living situation (生活状况), family members (家庭成员状况), hardship (困难), and the resident
 * ID number (encrypted). Never in list responses, exports or events.
 */
@Entity
@Table(name = "member_sensitive_profile")
public class SensitiveProfile {
  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "community_id", nullable = false)
  public UUID communityId;

  public String health;

  @Column(name = "living_situation")
  public String livingSituation;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "family_members", nullable = false)
  public List<FamilyMember> familyMembers = new ArrayList<>();

  @Column(nullable = false)
  public boolean hardship;

  @Column(name = "hardship_reason")
  public String hardshipReason;

  /**
   * The resident ID number (居民身份证号码), encrypted by the service with the current key ({@code
   * keyId:ciphertext}); null when none is recorded. Never shown in clear.
   */
  @Column(name = "id_number_enc")
  public String idNumberEncrypted;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;

  @Version public long version;

  protected SensitiveProfile() {}

  public SensitiveProfile(Member member) {
    this.memberId = member.id;
    this.communityId = member.communityId;
  }

  public void replace(
      String health,
      String livingSituation,
      List<FamilyMember> familyMembers,
      boolean hardship,
      String hardshipReason) {
    if (hardship && (hardshipReason == null || hardshipReason.isBlank())) {
      throw new RuleViolation("hardshipReason", "give the reason when hardship (困难) is set");
    }
    this.health = health;
    this.livingSituation = livingSituation;
    this.familyMembers = familyMembers == null ? new ArrayList<>() : new ArrayList<>(familyMembers);
    this.hardship = hardship;
    this.hardshipReason = hardship ? hardshipReason.trim() : null;
    this.updatedAt = OffsetDateTime.now();
  }
}
