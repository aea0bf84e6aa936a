package org.civic.members.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Category;
import org.civic.members.domain.FamilyMember;
import org.civic.members.domain.Gender;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberRules;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.MembershipHeld;
import org.civic.members.domain.ResidenceChange;
import org.civic.members.domain.SensitiveProfile;
import org.civic.members.domain.Standing;
import org.civic.members.domain.StatusChange;
import org.civic.members.persistence.ListedMember;
import org.civic.members.service.MemberService;
import org.civic.web.security.Caller;
import org.civic.web.security.Masking;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response views of the member register. None carries sensitive-profile data. */
public final class MemberViews {
  private MemberViews() {}

  @Schema(name = "Member", description = "A party member of the register (党员). No sensitive data.")
  public record MemberView(
      @Schema(description = "Id of the member", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Name (姓名)", example = "张秀兰") String name,
      @Schema(description = "MALE — 男, FEMALE — 女") Gender gender,
      @Schema(description = "Birth date (出生日期)", example = "1948-03-02") LocalDate birthDate,
      @Schema(description = "Age in whole years today (Asia/Shanghai)") int age,
      @Schema(description = "Ethnicity (民族)", example = "汉族") String ethnicity,
      @Schema(
              description =
                  "Phone (联系电话): in full for staff and for the member themself, masked"
                      + " (138****5678) for anyone else",
              example = "13800000000")
          String phone,
      @Schema(description = "PROBATIONARY — 预备党员, FULL — 正式党员") Standing standing,
      @Schema(description = "Date joined the party (入党日期)") LocalDate joinedOn,
      @Schema(description = "Date became a full member (转正日期)") LocalDate fullMemberOn,
      @Schema(description = "RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          Category category,
      @Schema(description = "COMMUNITY — 本社区, EMPLOYER — 工作单位 (在职党员到社区报到)")
          MembershipHeld membershipHeld,
      @Schema(description = "Organisation holding the membership when not this community")
          String membershipOrganisation,
      @Schema(description = "Work unit (工作单位)") String workUnit,
      @Schema(description = "Position (职务)") String position,
      @Schema(description = "Hobbies and specialties (爱好特长) as tags") List<String> specialties,
      @Schema(description = "Community (社区) of the member's building") UUID communityId,
      @Schema(description = "Building (樓幢)") UUID buildingId,
      @Schema(description = "Unit (单元)") String unit,
      @Schema(description = "Room (室)") String room,
      @Schema(description = "Household (家庭)") UUID householdId,
      @Schema(description = "Current building branch (樓幢党支部) from branches-service, or null")
          UUID branchId,
      @Schema(
              description =
                  "ACTIVE — 正常, TRANSFERRED_OUT — 组织关系转出, DECEASED — 去世, LOST_CONTACT — 失联,"
                      + " SUSPENDED — 停止党籍")
          MemberStatus status,
      @Schema(description = "Date the current status took effect") LocalDate statusSince,
      @Schema(
              description =
                  "LOST_CONTACT (失联) for 6 months or more: by the rules this leads to suspension")
          boolean lostContactOverSixMonths,
      @Schema(description = "When the member was registered") OffsetDateTime createdAt,
      @Schema(description = "When the member was last changed") OffsetDateTime updatedAt,
      @Schema(description = "Version for optimistic locking (also the ETag)") long version) {

    /**
     * The member as {@code viewer} may see it: staff (whose scope includes the member, or they
     * would not have it) and the member themself see the phone in full, anyone else (another member
     * of the household) masked.
     */
    public static MemberView of(Member m, Caller viewer) {
      return of(ListedMember.of(m), viewer);
    }

    /** As {@link #of(Member, Caller)}, for a member read as columns (lists, a household). */
    public static MemberView of(ListedMember m, Caller viewer) {
      boolean fullPhone = viewer.isStaff() || m.id().equals(viewer.memberId());
      LocalDate today = MemberRules.today();
      return new MemberView(
          m.id(),
          m.name(),
          m.gender(),
          m.birthDate(),
          MemberRules.age(m.birthDate(), today),
          m.ethnicity(),
          fullPhone ? m.phone() : Masking.phone(m.phone()),
          m.standing(),
          m.joinedOn(),
          m.fullMemberOn(),
          m.category(),
          m.membershipHeld(),
          m.membershipOrganisation(),
          m.workUnit(),
          m.position(),
          m.specialties(),
          m.communityId(),
          m.buildingId(),
          m.unit(),
          m.room(),
          m.householdId(),
          m.branchId(),
          m.status(),
          m.statusSince(),
          m.lostContactOverSixMonths(today),
          m.createdAt(),
          m.updatedAt(),
          m.version());
    }
  }

  @Schema(name = "StatusChange", description = "One entry of the status history (状态变更记录)")
  public record StatusChangeView(
      @Schema(
              description =
                  "Status before: ACTIVE — 正常, TRANSFERRED_OUT — 组织关系转出, DECEASED — 去世, LOST_CONTACT — 失联, SUSPENDED — 停止党籍")
          MemberStatus fromStatus,
      @Schema(description = "Status after (same values as fromStatus)") MemberStatus toStatus,
      @Schema(description = "Date the change took effect", example = "2026-11-01")
          LocalDate effectiveDate,
      @Schema(description = "Reason given") String reason,
      @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {
    public static StatusChangeView of(StatusChange c) {
      return new StatusChangeView(
          c.fromStatus, c.toStatus, c.effectiveDate, c.reason, c.recordedAt);
    }
  }

  @Schema(name = "ResidenceChange", description = "One relocation (搬迁) of a member")
  public record ResidenceChangeView(
      @Schema(description = "Address before the move") Residence from,
      @Schema(description = "Address after the move") Residence to,
      @Schema(description = "When the move took effect") OffsetDateTime effectiveAt,
      @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {
    public static ResidenceChangeView of(ResidenceChange c) {
      return new ResidenceChangeView(
          new Residence(c.communityId, c.fromBuildingId, c.fromUnit, c.fromRoom, c.fromHouseholdId),
          new Residence(c.toCommunityId, c.toBuildingId, c.toUnit, c.toRoom, c.toHouseholdId),
          c.effectiveAt,
          c.recordedAt);
    }
  }

  @Schema(name = "Residence")
  public record Residence(
      @Schema(description = "Community (社区)") UUID communityId,
      @Schema(description = "Building (樓幢)", example = "7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b")
          UUID buildingId,
      @Schema(description = "Unit (单元)", example = "2") String unit,
      @Schema(description = "Room (室)", example = "301") String room,
      @Schema(description = "Household (家庭)", example = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
          UUID householdId) {}

  @Schema(
      name = "SensitiveProfile",
      description =
          "Sensitive personal information (PIPL 敏感个人信息): health (身体状况), living situation"
              + " (生活状况), family members (家庭成员状况), hardship (困难), resident ID number"
              + " (居民身份证号码, masked). Never in lists, exports or events; every read is audited.")
  public record SensitiveProfileView(
      @Schema(description = "The member (党员)") UUID memberId,
      @Schema(
              description = "Community (社区) it belongs to",
              example = "9b2e4c71-5d3a-4f08-8e6c-1a2b3c4d5e6f")
          UUID communityId,
      @Schema(description = "Health (身体状况)") String health,
      @Schema(description = "Living situation (生活状况)") String livingSituation,
      @Schema(description = "Family members (家庭成员状况)") List<FamilyMemberView> familyMembers,
      @Schema(description = "In hardship (困难)", example = "false") boolean hardship,
      @Schema(description = "Reason of the hardship") String hardshipReason,
      @Schema(
              description =
                  "Resident ID number (居民身份证号码), always masked; stored encrypted, never shown"
                      + " in full",
              example = "110***********1234")
          String idNumberMasked,
      @Schema(description = "When the profile was last saved") OffsetDateTime updatedAt,
      @Schema(
              description = "Version of the profile (not of the member); the ETag carries it",
              example = "1")
          long version) {
    public static SensitiveProfileView of(MemberService.ProfileRead read) {
      SensitiveProfile p = read.profile();
      return new SensitiveProfileView(
          p.memberId,
          p.communityId,
          p.health,
          p.livingSituation,
          p.familyMembers.stream().map(FamilyMemberView::of).toList(),
          p.hardship,
          p.hardshipReason,
          read.idNumberMasked(),
          p.updatedAt,
          p.version);
    }
  }

  @Schema(
      name = "FamilyMemberView",
      description = "A family member (家庭成员) in the sensitive profile")
  public record FamilyMemberView(
      @Schema(description = "Name (姓名)", example = "李建国") String name,
      @Schema(description = "Relation (关系)", example = "配偶") String relation,
      @Schema(description = "Year of birth", example = "1950") Integer birthYear,
      @Schema(description = "Notes, e.g. health or living situation") String notes) {
    static FamilyMemberView of(FamilyMember f) {
      return new FamilyMemberView(f.name(), f.relation(), f.birthYear(), f.notes());
    }
  }
}
