package org.civic.members.domain;

/** A family member (家庭成员) in the sensitive profile. */
public record FamilyMember(String name, String relation, Integer birthYear, String notes) {}
