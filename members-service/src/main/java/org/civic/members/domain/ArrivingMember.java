package org.civic.members.domain;

/** The member data of an incoming transfer, registered when the transfer is confirmed. */
public record ArrivingMember(MemberDetails details, Address address) {}
