package org.civic.activities.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/** A member as members-service announced it (non-sensitive snapshot); read-only here. */
@Entity
@Table(name = "member_view")
public class MemberView {
  @Id
  @Column(name = "member_id")
  public UUID memberId;

  @Column(name = "community_id")
  public UUID communityId;

  public String name;

  @Column(name = "household_id")
  public UUID householdId;

  @Column(name = "building_id")
  public UUID buildingId;

  public String unit;
  public String room;
  public String standing;
  public String category;
  public String status;

  /** Tags as ",a,b," (lower case). */
  public String specialties = ",";

  @Column(name = "member_version")
  public long memberVersion;

  @Column(name = "updated_at")
  public OffsetDateTime updatedAt;

  public List<String> specialtyList() {
    return Arrays.stream(specialties.split(",")).filter(s -> !s.isBlank()).toList();
  }

  /** e.g. "张秀兰（2单元301）". */
  public String nameAndAddress() {
    if (unit == null && room == null) {
      return name;
    }
    return name + "（" + (unit == null ? "" : unit + "单元") + (room == null ? "" : room) + "）";
  }

  public static String encodeTags(List<String> tags) {
    if (tags == null || tags.isEmpty()) {
      return ",";
    }
    return tags.stream()
        .filter(t -> t != null && !t.isBlank())
        .map(t -> t.trim().toLowerCase(Locale.ROOT).replace(",", " "))
        .distinct()
        .collect(Collectors.joining(",", ",", ","));
  }
}
