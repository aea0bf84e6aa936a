package org.civic.activities.rest;

import static org.civic.web.security.Roles.BRANCH_SECRETARY;
import static org.civic.web.security.Roles.COMMUNITY_SECRETARY;
import static org.civic.web.security.Roles.MEMBER;
import static org.civic.web.security.Roles.STREET_ADMIN;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.civic.activities.domain.Activity;
import org.civic.activities.domain.ActivityAttendee;
import org.civic.activities.domain.ActivityStatus;
import org.civic.activities.domain.ActivityType;
import org.civic.activities.domain.Attendance;
import org.civic.activities.service.ActivityService;
import org.civic.web.locking.Versions;
import org.civic.web.openapi.ApiDocs;
import org.civic.web.paging.Page;
import org.civic.web.paging.PageRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "Activities",
    description = "Meetings and activities of a branch (三会一课, 主题党日, ...) with attendance")
public class ActivityResource {
  private final ActivityService service;

  ActivityResource(ActivityService service) {
    this.service = service;
  }

  @Schema(name = "ScheduleActivity")
  public record ScheduleActivity(
      @NotNull @Schema(description = "Branch (党支部) holding the activity") UUID branchId,
      @NotNull @Schema(description = ActivityType.DESCRIPTION) ActivityType type,
      @NotBlank @Size(max = 200) @Schema(description = "Title (标题)", example = "学习二十届三中全会精神")
          String title,
      @NotNull
          @Schema(
              description = "Start, ISO-8601 with offset",
              example = "2026-03-05T09:00:00+08:00")
          OffsetDateTime startsAt,
      @Schema(
              description = "End, ISO-8601 with offset; optional",
              example = "2026-03-05T11:00:00+08:00")
          OffsetDateTime endsAt,
      @Size(max = 200) @Schema(description = "Place (地点)", example = "党员之家") String place,
      @Schema(description = "Host member (主持人)") UUID hostMemberId,
      @Schema(description = "Recording member (记录人)") UUID recorderMemberId,
      @Size(max = 100) @Schema(description = "Lecturer of a party lesson (主讲人)") String lecturer,
      @Size(max = 20000) @Schema(description = "Minutes or summary (会议纪要)") String summary) {
    ActivityService.Details details() {
      return new ActivityService.Details(
          title, startsAt, endsAt, place, hostMemberId, recorderMemberId, lecturer, summary);
    }
  }

  @Schema(name = "UpdateActivity")
  public record UpdateActivity(
      @Schema(description = "Title (标题)") @NotBlank @Size(max = 200) String title,
      @Schema(description = "Start, ISO-8601 with offset") @NotNull OffsetDateTime startsAt,
      @Schema(
              description = "End, ISO-8601 with offset; optional",
              example = "2026-03-05T11:00:00+08:00")
          OffsetDateTime endsAt,
      @Schema(description = "Place (地点)", example = "党员之家") @Size(max = 200) String place,
      @Schema(description = "Host member (主持人)") UUID hostMemberId,
      @Schema(description = "Recording member (记录人)") UUID recorderMemberId,
      @Schema(description = "Lecturer of a party lesson (主讲人)") @Size(max = 100) String lecturer,
      @Size(max = 20000) @Schema(description = "Minutes or summary (会议纪要)") String summary,
      @Schema(description = "The version this change is based on (or send If-Match)", example = "3")
          Long version) {
    ActivityService.Details details() {
      return new ActivityService.Details(
          title, startsAt, endsAt, place, hostMemberId, recorderMemberId, lecturer, summary);
    }
  }

  @Schema(name = "VersionOnly")
  public record VersionOnly(
      @Schema(description = "The version this change is based on (or send If-Match)", example = "3")
          Long version) {}

  @Schema(name = "Activity")
  public record ActivityView(
      @Schema(description = "Id of the activity", example = "3f1c2a9e-8d4b-4c1e-9a51-2b7d6e0f4a10")
          UUID id,
      @Schema(description = "Branch (党支部) holding the activity") UUID branchId,
      @Schema(description = "Community (社区) of the branch") UUID communityId,
      @Schema(description = ActivityType.DESCRIPTION) ActivityType type,
      @Schema(description = "Title (标题)", example = "学习二十届三中全会精神") String title,
      @Schema(description = "Start, ISO-8601 with offset", example = "2026-03-05T09:00:00+08:00")
          OffsetDateTime startsAt,
      @Schema(
              description = "End, ISO-8601 with offset; optional",
              example = "2026-03-05T11:00:00+08:00")
          OffsetDateTime endsAt,
      @Schema(description = "Place (地点)", example = "党员之家") String place,
      @Schema(description = "Host member (主持人)") UUID hostMemberId,
      @Schema(description = "Recording member (记录人)") UUID recorderMemberId,
      @Schema(description = "Lecturer of a party lesson (主讲人)") String lecturer,
      @Schema(description = "Minutes or summary (会议纪要)") String summary,
      @Schema(description = "SCHEDULED 已安排, HELD 已召开, CANCELLED 已取消") ActivityStatus status,
      @Schema(description = "When it was recorded as held (HELD); null before")
          OffsetDateTime heldAt,
      @Schema(
              description = "Version, raised by every change; the ETag carries it (W/\"3\")",
              example = "3")
          long version) {
    static ActivityView of(Activity a) {
      return new ActivityView(
          a.id,
          a.branchId,
          a.communityId,
          a.type,
          a.title,
          a.startsAt,
          a.endsAt,
          a.place,
          a.hostMemberId,
          a.recorderMemberId,
          a.lecturer,
          a.summary,
          a.status,
          a.heldAt,
          a.version);
    }
  }

  @Schema(name = "AttendanceEntry")
  public record AttendanceEntry(
      @Schema(description = "Member (党员) on the roster of the branch") @NotNull UUID memberId,
      @NotNull @Schema(description = "PRESENT 出席, ON_LEAVE 请假 (reason required), ABSENT 缺席")
          Attendance attendance,
      @Size(max = 300) @Schema(description = "Reason for leave (请假事由)") String reason) {}

  @Schema(name = "RecordAttendance")
  public record RecordAttendance(
      @Schema(description = "One entry per member recorded; members left out keep their entry")
          @NotEmpty
          List<@NotNull @Valid AttendanceEntry> entries,
      @Schema(description = "The activity's version (or send If-Match)", example = "3")
          Long version) {}

  @Schema(name = "Attendee")
  public record AttendeeView(
      @Schema(description = "Member (党员)", example = "8a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c2d")
          UUID memberId,
      @Schema(description = "Name of the member (姓名)", example = "张秀兰") String memberName,
      @Schema(description = "PRESENT 出席, ON_LEAVE 请假, ABSENT 缺席") Attendance attendance,
      @Schema(description = "Reason for leave (请假事由)") String reason,
      @Schema(description = "When it was recorded") OffsetDateTime recordedAt) {
    static AttendeeView of(ActivityAttendee a) {
      return new AttendeeView(a.memberId, a.memberName, a.attendance, a.leaveReason, a.recordedAt);
    }
  }

  @Schema(name = "AttendanceSheet")
  public record AttendanceView(
      @Schema(description = "The activity (活动)") UUID activityId,
      @Schema(description = "The activity version after recording (the ETag)") long version,
      @Schema(description = "Members expected: the branch roster", example = "15") int expected,
      @Schema(description = "Present (出席)", example = "12") int present,
      @Schema(description = "On leave (请假)", example = "2") int onLeave,
      @Schema(description = "Absent (缺席)", example = "1") int absent,
      @Schema(description = "Expected members with no entry yet", example = "0") int notRecorded,
      @Schema(description = "One entry per recorded member") List<AttendeeView> attendees) {
    static AttendanceView of(Activity a, List<ActivityAttendee> list) {
      return new AttendanceView(
          a.id,
          a.version,
          list.size(),
          count(list, Attendance.PRESENT),
          count(list, Attendance.ON_LEAVE),
          count(list, Attendance.ABSENT),
          (int) list.stream().filter(x -> x.attendance == null).count(),
          list.stream().map(AttendeeView::of).toList());
    }

    private static int count(List<ActivityAttendee> list, Attendance a) {
      return (int) list.stream().filter(x -> x.attendance == a).count();
    }
  }

  @POST
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "Schedule a meeting or activity",
      description =
          "The expected attendees are the members on the branch's roster at this moment (a"
              + " snapshot). The branch must be known from branches.events and not dissolved (422).")
  @APIResponse(
      responseCode = "201",
      description = "The scheduled activity (活动)",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = ApiDocs.LOCATION,
            description = ApiDocs.LOCATION_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, format = "uri"))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityView.class)))
  public Response schedule(@NotNull @Valid ScheduleActivity request, UriInfo uri) {
    Activity a = service.schedule(request.branchId(), request.type(), request.details());
    return Response.created(uri.getAbsolutePathBuilder().path(a.id.toString()).build())
        .tag(Versions.etag(a.version))
        .entity(ActivityView.of(a))
        .build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, MEMBER})
  @Operation(summary = "Read an activity")
  @APIResponse(
      responseCode = "200",
      description = "The activity",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityView.class)))
  public Response get(@PathParam("id") UUID id) {
    Activity a = service.get(id);
    return Response.ok(ActivityView.of(a)).tag(Versions.etag(a.version)).build();
  }

  @PUT
  @Path("{id}")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Change an activity's details (title, time, place, minutes, ...)")
  @APIResponse(
      responseCode = "200",
      description = "The activity after the edit",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityView.class)))
  public Response update(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid UpdateActivity request) {
    Activity a = service.update(id, ifMatch, request.version(), request.details());
    return Response.ok(ActivityView.of(a)).tag(Versions.etag(a.version)).build();
  }

  @POST
  @Path("{id}/cancellation")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Cancel a scheduled activity (a held one cannot be cancelled: 422)")
  @APIResponse(
      responseCode = "200",
      description = "The cancelled activity",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ActivityView.class)))
  public Response cancel(
      @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, VersionOnly request) {
    Activity a = service.cancel(id, ifMatch, request == null ? null : request.version());
    return Response.ok(ActivityView.of(a)).tag(Versions.etag(a.version)).build();
  }

  @GET
  @Path("{id}/attendance")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(summary = "Expected attendees and their attendance")
  public AttendanceView attendance(@PathParam("id") UUID id) {
    List<ActivityAttendee> list = service.attendees(id);
    return AttendanceView.of(service.get(id), list);
  }

  @PUT
  @Path("{id}/attendance")
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY})
  @Operation(
      summary = "Record attendance per member",
      description =
          "Only expected attendees (422 otherwise); ON_LEAVE needs a reason (422). Marks the"
              + " activity held (it must have started) and publishes ActivityHeld with the counts."
              + " Members not named keep their previous entry.")
  @APIResponse(
      responseCode = "200",
      description = "The attendance sheet (出勤) as recorded; the ETag is the activity version",
      headers = {
        @Header(
            name = ApiDocs.ETAG,
            description = ApiDocs.ETAG_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AttendanceView.class)))
  public Response recordAttendance(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      @NotNull @Valid RecordAttendance request) {
    Activity a =
        service.recordAttendance(
            id,
            ifMatch,
            request.version(),
            request.entries().stream()
                .map(
                    e ->
                        new ActivityService.AttendanceEntry(
                            e.memberId(), e.attendance(), e.reason()))
                .toList());
    return Response.ok(AttendanceView.of(a, service.attendees(id)))
        .tag(Versions.etag(a.version))
        .build();
  }

  @GET
  @RolesAllowed({STREET_ADMIN, COMMUNITY_SECRETARY, BRANCH_SECRETARY, MEMBER})
  @Operation(
      summary = "List activities",
      description = "Newest first; filter by branch, type, status and date range (Asia/Shanghai).")
  public Page<ActivityView> list(
      @QueryParam("branchId") String branchId,
      @QueryParam("type") @Parameter(description = ActivityType.DESCRIPTION) String type,
      @QueryParam("status") String status,
      @QueryParam("from") @Parameter(description = "YYYY-MM-DD, inclusive") String from,
      @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive") String to,
      @Valid @BeanParam PageRequest page) {
    return service
        .list(
            Params.uuid("branchId", branchId),
            Params.enumValue(ActivityType.class, "type", type),
            Params.enumValue(ActivityStatus.class, "status", status),
            Params.date("from", from, false),
            Params.date("to", to, false),
            page)
        .map(ActivityView::of);
  }
}
