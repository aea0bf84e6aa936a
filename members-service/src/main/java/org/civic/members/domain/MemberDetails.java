package org.civic.members.domain;

import java.time.LocalDate;
import java.util.List;

/** The editable identity and party data of a member (everything except residence and status). */
public record MemberDetails(
    String name,
    Gender gender,
    LocalDate birthDate,
    String ethnicity,
    String phone,
    Standing standing,
    LocalDate joinedOn,
    LocalDate fullMemberOn,
    Category category,
    MembershipHeld membershipHeld,
    String membershipOrganisation,
    String workUnit,
    String position,
    List<String> specialties) {}
