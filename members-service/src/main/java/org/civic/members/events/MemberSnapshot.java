package org.civic.members.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.civic.members.domain.Category;
import org.civic.members.domain.Gender;
import org.civic.members.domain.Member;
import org.civic.members.domain.MemberStatus;
import org.civic.members.domain.Standing;

/**
 * The member snapshot every members.events payload carries: non-sensitive fields only (no phone, no
 * health, family or hardship data).
 */
public record MemberSnapshot(
    UUID memberId,
    String name,
    Gender gender,
    LocalDate birthDate,
    Standing standing,
    Category category,
    MemberStatus status,
    UUID communityId,
    UUID buildingId,
    String unit,
    String room,
    UUID householdId,
    List<String> specialties) {

  public static MemberSnapshot of(Member m) {
    return new MemberSnapshot(
        m.id,
        m.name,
        m.gender,
        m.birthDate,
        m.standing,
        m.category,
        m.status,
        m.communityId,
        m.buildingId,
        m.unit,
        m.room,
        m.householdId,
        List.copyOf(m.specialties));
  }
}
