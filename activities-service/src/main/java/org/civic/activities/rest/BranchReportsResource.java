package org.civic.activities.rest;

import static org.civic.web.security.Roles.BRANCH_SECRETARY;
import static org.civic.web.security.Roles.CITY_SYSTEM;
import static org.civic.web.security.Roles.COMMUNITY_SECRETARY;
import static org.civic.web.security.Roles.MEMBER;
import static org.civic.web.security.Roles.STREET_ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.MeetingRules;
import org.civic.activities.domain.RosterAssignment;
import org.civic.activities.domain.VisitPlan;
import org.civic.activities.persistence.VisitDutyReads;
import org.civic.activities.service.ActivityService;
import org.civic.activities.service.Branches;
import org.civic.activities.service.LedgerService;
import org.civic.activities.service.VisitService;
import org.civic.activities.service.VolunteerTeamService;
import org.civic.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/branches/{branchId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Branch reports",
    description =
        "Visit plan and compliance, meeting compliance (三会一课), volunteer hours, ledger (台帐)")
public class BranchReportsResource {
  static final String RELOCATION_RULE =
      " Months are calendar months in Asia/Shanghai (2026-03-31T17:00Z is April). Every household"
          + " with at least one member on the branch's roster is due once per month. Relocation:"
          + " when a household moves to another branch during the month, that month's duty moves"
          + " to the new branch from that moment: the new branch's plan lists it and only the new"
          + " branch's visits made after the move count; visits made before stay with the branch"
          + " that made them (they remain in its visit list and ledger) but the old branch's plan"
          + " no longer lists the household. A newly registered household (no earlier branch)"
          + " counts from the start of the month.";

  private final VisitService visits;
  private final ActivityService activities;
  private final VolunteerTeamService volunteering;
  private final LedgerService ledger;
  private final Branches branches;

  BranchReportsResource(
      VisitService visits,
      ActivityService activities,
      VolunteerTeamService volunteering,
      LedgerService ledger,
      Branches branches) {
    this.visits = visits;
    this.activities = activities;
    this.volunteering = volunteering;
    this.ledger = ledger;
    this.branches = branches;
  }

  @Schema(name = "HouseholdMember")
  public record HouseholdMember(
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name (姓名)", example = "张秀兰") String name,
      @Schema(description = "Unit (单元)", example = "2") String unit,
      @Schema(description = "Room (室)", example = "301") String room,
      @Schema(description = "Member status: ACTIVE — 正常, LOST_CONTACT — 失联, …", example = "ACTIVE")
          String status) {
    static HouseholdMember of(VisitDutyReads.HouseholdMember m) {
      return new HouseholdMember(m.memberId(), m.name(), m.unit(), m.room(), m.status());
    }
  }

  @Schema(name = "VisitPlanEntry")
  public record PlanEntry(
      @Schema(description = "Household (家庭)", example = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
          UUID householdId,
      @Schema(description = "Since when this branch's visits count this month") Instant dutyFrom,
      @Schema(description = "The household moved in from another branch during this month")
          boolean movedInDuringMonth,
      @Schema(description = "Visited by this branch this month (counting from dutyFrom)")
          boolean visited,
      @Schema(description = "Visits of this branch that count this month", example = "1")
          int visitsCounted,
      @Schema(description = "The last counted visit, if any") Instant lastVisitAt,
      @Schema(description = "Members of the household on the roster")
          List<HouseholdMember> members) {}

  @Schema(name = "VisitPlan")
  public record PlanView(
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(description = "Calendar month (Asia/Shanghai), YYYY-MM", example = "2026-11")
          String month,
      @Schema(description = "PAST, CURRENT or FUTURE month (Asia/Shanghai)")
          VisitPlan.Period period,
      @Schema(description = "Households due for a visit this month", example = "12") int due,
      @Schema(description = "Households visited this month", example = "9") int visited,
      @Schema(description = "Every household due, with its visit state")
          List<PlanEntry> households) {}

  @Schema(name = "VisitCompliance")
  public record ComplianceView(
      @Schema(description = "Branch (党支部)", example = "5c8d2e10-7a4b-4c3d-9e1f-0a1b2c3d4e5f")
          UUID branchId,
      @Schema(description = "Calendar month (Asia/Shanghai), YYYY-MM", example = "2026-11")
          String month,
      @Schema(description = "PAST, CURRENT or FUTURE month (Asia/Shanghai)")
          VisitPlan.Period period,
      @Schema(description = "Households due for a visit this month", example = "12") int due,
      @Schema(description = "Households visited this month", example = "9") int visited,
      @Schema(description = "visited / due, null when nothing is due", example = "0.75")
          Double rate,
      @Schema(description = "How many households are overdue (the size of overdue)")
          int overdueCount,
      @Schema(
              description =
                  "Unvisited households: all of them for a past month, those not visited so far for"
                      + " the current month, none for a future month. Null for CITY_SYSTEM callers,"
                      + " who see the counts and the rate only.",
              nullable = true)
          List<PlanEntry> overdue) {}

  private static List<PlanEntry> entries(
      VisitService.PlanWithMembers p, List<VisitPlan.Entry> list) {
    return list.stream()
        .map(
            e ->
                new PlanEntry(
                    e.householdId(),
                    e.dutyFrom(),
                    e.movedInDuringMonth(),
                    e.visited(),
                    e.visitsCounted(),
                    e.lastVisitAt(),
                    p.members().getOrDefault(e.householdId(), List.of()).stream()
                        .map(HouseholdMember::of)
                        .toList()))
        .toList();
  }

  @GET
  @Path("visit-plan")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "The branch's households to visit in a month, each visited or not yet",
      description = RELOCATION_RULE)
  public PlanView visitPlan(
      @PathParam("branchId") UUID branchId,
      @QueryParam("month")
          @Parameter(description = "YYYY-MM; default the current month", example = "2026-03")
          String month) {
    YearMonth m = Params.month(month);
    VisitService.PlanWithMembers p = visits.plan(branchId, m);
    return new PlanView(
        branchId,
        m.toString(),
        p.plan().period(),
        p.plan().due(),
        p.plan().visited(),
        entries(p, p.plan().entries()));
  }

  @GET
  @Path("visit-compliance")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, CITY_SYSTEM})
  @Operation(
      summary = "Visit compliance of a month: rate = visited / due, and the overdue households",
      description = RELOCATION_RULE)
  public ComplianceView visitCompliance(
      @PathParam("branchId") UUID branchId,
      @QueryParam("month") @Parameter(description = "YYYY-MM; default the current month")
          String month) {
    YearMonth m = Params.month(month);
    VisitService.PlanWithMembers p = visits.plan(branchId, m);
    return new ComplianceView(
        branchId,
        m.toString(),
        p.plan().period(),
        p.plan().due(),
        p.plan().visited(),
        p.plan().rate(),
        p.plan().overdue().size(),
        p.householdsShown() ? entries(p, p.plan().overdue()) : null);
  }

  @GET
  @Path("meeting-compliance")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, CITY_SYSTEM})
  @Operation(
      summary = "Meeting compliance (三会一课) for a period",
      description =
          "Per required type, the calendar buckets (Asia/Shanghai) overlapping [from, to], how many"
              + " had a held meeting, and which are missing. Rules (三会一课 convention, 中国共产党支部"
              + "工作条例（试行）2018 第十八条): 支部党员大会 BRANCH_MEMBERS_MEETING quarterly, 支委会"
              + " COMMITTEE_MEETING monthly, 党小组会 PARTY_GROUP_MEETING monthly, 党课 PARTY_LESSON at"
              + " least once a quarter, 主题党日 THEME_DAY monthly, 组织生活会 ANNUAL_REVIEW_MEETING and"
              + " 民主评议党员 MEMBER_APPRAISAL yearly. Only activities marked held (attendance taken)"
              + " count.")
  public MeetingRules.Compliance meetingCompliance(
      @PathParam("branchId") UUID branchId,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD", required = true) String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive", required = true)
          String to) {
    return activities.meetingCompliance(
        branchId, Params.date("from", from, true), Params.date("to", to, true));
  }

  @GET
  @Path("volunteer-hours")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, CITY_SYSTEM, MEMBER})
  @Operation(summary = "Volunteer service hours of the branch: per member, per team, in all")
  public VolunteerTeamService.HoursTotals volunteerHours(
      @PathParam("branchId") UUID branchId,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD", required = true) String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive", required = true)
          String to) {
    return volunteering.hours(
        branchId, Params.date("from", from, true), Params.date("to", to, true));
  }

  @GET
  @Path("ledger")
  @Produces({
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    MediaType.APPLICATION_JSON
  })
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "The branch ledger (台帐) for a period, as an .xlsx workbook",
      description =
          "Sheets: 会议活动 (meetings), 出勤记录 (attendance), 走访记录 (visits), 志愿服务时长 (volunteer"
              + " hours), 意见建议与困难问题 (concerns); headers in Chinese, times in Asia/Shanghai.")
  @APIResponse(
      responseCode = "200",
      description = "The ledger workbook (台帐)",
      headers = {
        @Header(
            name = ApiDocs.CONTENT_DISPOSITION,
            description = ApiDocs.CONTENT_DISPOSITION_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = ApiDocs.XLSX,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response ledger(
      @PathParam("branchId") UUID branchId,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD", required = true) String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive", required = true)
          String to) {
    LocalDate f = Params.date("from", from, true);
    LocalDate t = Params.date("to", to, true);
    byte[] bytes = ledger.workbook(branchId, f, t);
    return Response.ok(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
            "Content-Disposition",
            "attachment; filename=\"ledger-" + branchId + "-" + f + "-" + t + ".xlsx\"")
        .build();
  }

  @Schema(name = "RosterMember")
  public record RosterMember(
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name (姓名)", example = "张秀兰") String memberName,
      @Schema(description = "Household (家庭)", example = "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a")
          UUID householdId,
      @Schema(description = "Building (樓幢)", example = "7e4f1a2b-3c5d-4e6f-8a9b-0c1d2e3f4a5b")
          UUID buildingId) {}

  @GET
  @Path("roster")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "The branch's roster as this service knows it (from RosterChanged events)",
      description = "Expected attendees of newly scheduled meetings are taken from this roster.")
  public List<RosterMember> roster(@PathParam("branchId") UUID branchId) {
    List<RosterAssignment> list = branches.roster(branchId);
    return list.stream()
        .map(r -> new RosterMember(r.memberId, r.memberName, r.householdId, r.buildingId))
        .toList();
  }
}
