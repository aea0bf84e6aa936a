package org.civic.members.rest;

import static org.civic.members.domain.MemberLimits.ETHNICITY;
import static org.civic.members.domain.MemberLimits.FAMILY_MEMBERS;
import static org.civic.members.domain.MemberLimits.HARDSHIP_REASON;
import static org.civic.members.domain.MemberLimits.NAME;
import static org.civic.members.domain.MemberLimits.ORGANISATION;
import static org.civic.members.domain.MemberLimits.PHONE;
import static org.civic.members.domain.MemberLimits.POSITION;
import static org.civic.members.domain.MemberLimits.REASON;
import static org.civic.members.domain.MemberLimits.ROOM;
import static org.civic.members.domain.MemberLimits.SENSITIVE_TEXT;
import static org.civic.members.domain.MemberLimits.TAG;
import static org.civic.members.domain.MemberLimits.TAGS;
import static org.civic.members.domain.MemberLimits.UNIT;
import static org.civic.members.domain.MemberLimits.WORK_UNIT;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Address;
import org.civic.members.domain.Category;
import org.civic.members.domain.FamilyMember;
import org.civic.members.domain.Gender;
import org.civic.members.domain.MemberDetails;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.MembershipHeld;
import org.civic.members.domain.Standing;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the member register. */
public final class MemberRequests {
  private MemberRequests() {}

  @Schema(name = "RegisterMember", description = "A new member of the register (党员登记)")
  public record RegisterMember(
      @NotBlank @Size(max = NAME) @Schema(description = "Name (姓名)", example = "张秀兰") String name,
      @NotNull @Schema(description = "MALE — 男, FEMALE — 女") Gender gender,
      @NotNull @Schema(description = "Birth date (出生日期), ISO yyyy-MM-dd", example = "1948-03-02")
          LocalDate birthDate,
      @Size(max = ETHNICITY) @Schema(description = "Ethnicity (民族)", example = "汉族")
          String ethnicity,
      @Size(max = PHONE)
          @Pattern(regexp = "[0-9+\\- ()]*", message = "must contain only digits, +, -, spaces")
          @Schema(description = "Phone (联系电话)", example = "13800000000")
          String phone,
      @NotNull @Schema(description = "PROBATIONARY — 预备党员, FULL — 正式党员") Standing standing,
      @Schema(description = "Date joined the party (入党日期)", example = "1975-07-01")
          LocalDate joinedOn,
      @Schema(description = "Date became a full member (转正日期); only for FULL")
          LocalDate fullMemberOn,
      @NotNull
          @Schema(description = "RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          Category category,
      @Schema(
              description =
                  "Where the membership is held: COMMUNITY — 本社区 (default), EMPLOYER — 工作单位"
                      + " (在职党员到社区报到)")
          MembershipHeld membershipHeld,
      @Size(max = ORGANISATION)
          @Schema(description = "Organisation holding the membership (needed for EMPLOYER)")
          String membershipOrganisation,
      @Size(max = WORK_UNIT) @Schema(description = "Work unit (工作单位)") String workUnit,
      @Size(max = POSITION) @Schema(description = "Position (职务)") String position,
      @Size(max = TAGS)
          @Schema(
              description = "Hobbies and specialties (爱好特长) as tags",
              example = "[\"medical\", \"calligraphy\"]")
          List<@NotBlank @Size(max = TAG) String> specialties,
      @NotNull @Schema(description = "Building (樓幢): must be registered in branches-service")
          UUID buildingId,
      @NotBlank @Size(max = UNIT) @Schema(description = "Unit (单元)", example = "2") String unit,
      @NotBlank @Size(max = ROOM) @Schema(description = "Room (室)", example = "301") String room) {

    public MemberDetails details() {
      return new MemberDetails(
          name,
          gender,
          birthDate,
          ethnicity,
          phone,
          standing,
          joinedOn,
          fullMemberOn,
          category,
          membershipHeld,
          membershipOrganisation,
          workUnit,
          position,
          specialties);
    }

    public Address address() {
      return new Address(buildingId, unit, room);
    }
  }

  @Schema(
      name = "UpdateMember",
      description =
          "The member's data after the edit (residence and status have their own endpoints)")
  public record UpdateMember(
      @Schema(description = "Name (姓名)", example = "张秀兰") @NotBlank @Size(max = NAME) String name,
      @Schema(description = "MALE — 男, FEMALE — 女") @NotNull Gender gender,
      @Schema(description = "Birth date (出生日期)", example = "1948-03-02") @NotNull
          LocalDate birthDate,
      @Schema(description = "Ethnicity (民族)", example = "汉族") @Size(max = ETHNICITY)
          String ethnicity,
      @Schema(description = "Phone (联系电话)", example = "13800000000")
          @Size(max = PHONE)
          @Pattern(regexp = "[0-9+\\- ()]*", message = "must contain only digits, +, -, spaces")
          String phone,
      @Schema(description = "PROBATIONARY — 预备党员, FULL — 正式党员") @NotNull Standing standing,
      @Schema(description = "Date joined the party (入党日期)", example = "1975-07-01")
          LocalDate joinedOn,
      @Schema(description = "Date became a full member (转正日期); only for FULL")
          LocalDate fullMemberOn,
      @Schema(description = "RETIRED_CADRE — 离休, RETIRED — 退休, EMPLOYED — 在职, FLOATING — 流动")
          @NotNull
          Category category,
      @Schema(description = "COMMUNITY — 本社区 (default), EMPLOYER — 工作单位 (在职党员到社区报到)")
          MembershipHeld membershipHeld,
      @Schema(description = "Organisation holding the membership (needed for EMPLOYER)")
          @Size(max = ORGANISATION)
          String membershipOrganisation,
      @Schema(description = "Work unit (工作单位)") @Size(max = WORK_UNIT) String workUnit,
      @Schema(description = "Position (职务)") @Size(max = POSITION) String position,
      @Schema(description = "Hobbies and specialties (爱好特长) as tags") @Size(max = TAGS)
          List<@NotBlank @Size(max = TAG) String> specialties,
      @Schema(description = "The version this edit is based on (or send If-Match)", example = "3")
          Long version) {

    public MemberDetails details() {
      return new MemberDetails(
          name,
          gender,
          birthDate,
          ethnicity,
          phone,
          standing,
          joinedOn,
          fullMemberOn,
          category,
          membershipHeld,
          membershipOrganisation,
          workUnit,
          position,
          specialties);
    }
  }

  @Schema(name = "Relocation", description = "Moving to another address (搬迁)")
  public record Relocate(
      @NotNull @Schema(description = "New building (樓幢)") UUID buildingId,
      @NotBlank @Size(max = UNIT) @Schema(description = "Unit (单元)") String unit,
      @NotBlank @Size(max = ROOM) @Schema(description = "Room (室)") String room,
      @Schema(description = "When the move took effect; default now") OffsetDateTime effectiveAt,
      @Schema(description = "Optional: the member version this is based on", example = "3")
          Long version) {
    public Address address() {
      return new Address(buildingId, unit, room);
    }
  }

  @Schema(name = "StatusChangeRequest", description = "A change of the member's status")
  public record ChangeStatus(
      @NotNull
          @Schema(
              description =
                  "ACTIVE — 正常, DECEASED — 去世, LOST_CONTACT — 失联, SUSPENDED — 停止党籍"
                      + " (TRANSFERRED_OUT — 组织关系转出 only through /api/v1/transfers)")
          MemberStatus status,
      @Schema(description = "Effective date; default today (Asia/Shanghai)")
          LocalDate effectiveDate,
      @Size(max = REASON) @Schema(description = "Reason") String reason,
      @Schema(description = "Optional: the member version this is based on", example = "3")
          Long version) {}

  @Schema(name = "FamilyMember", description = "A family member (家庭成员)")
  public record FamilyMemberRequest(
      @Schema(description = "Name (姓名)", example = "李建国") @NotBlank @Size(max = NAME) String name,
      @NotBlank @Size(max = 30) @Schema(description = "Relation (关系)", example = "配偶")
          String relation,
      @Schema(description = "Year of birth", example = "1950") @Min(1900) @Max(2100)
          Integer birthYear,
      @Schema(description = "Notes, e.g. health or living situation") @Size(max = REASON)
          String notes) {
    FamilyMember toDomain() {
      return new FamilyMember(name.trim(), relation.trim(), birthYear, notes);
    }
  }

  @Schema(name = "SaveSensitiveProfile")
  public record SaveSensitiveProfile(
      @Size(max = SENSITIVE_TEXT) @Schema(description = "Health (身体状况)") String health,
      @Size(max = SENSITIVE_TEXT) @Schema(description = "Living situation (生活状况)")
          String livingSituation,
      @Size(max = FAMILY_MEMBERS) @Schema(description = "Family members (家庭成员状况)")
          List<@NotNull @Valid FamilyMemberRequest> familyMembers,
      @Schema(description = "In hardship (困难)") boolean hardship,
      @Size(max = HARDSHIP_REASON) @Schema(description = "Reason of the hardship")
          String hardshipReason,
      @Size(max = 30)
          @Schema(
              description =
                  "Resident ID number (居民身份证号码): 17 digits and a check digit or X (GB 11643)."
                      + " Stored encrypted and only ever shown masked. Leave out (null) to keep the"
                      + " stored one, send \"\" to remove it.",
              example = "11010519491231002X")
          String idNumber,
      @Schema(
              description = "Version this is based on; not needed for the first save",
              example = "3")
          Long version) {
    List<FamilyMember> family() {
      return familyMembers == null
          ? List.of()
          : familyMembers.stream().map(FamilyMemberRequest::toDomain).toList();
    }
  }
}
