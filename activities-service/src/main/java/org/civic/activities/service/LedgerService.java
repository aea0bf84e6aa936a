package org.civic.activities.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.civic.activities.domain.Activity;
import org.civic.activities.domain.ActivityAttendee;
import org.civic.activities.domain.Attendance;
import org.civic.activities.domain.BranchView;
import org.civic.activities.domain.Concern;
import org.civic.activities.domain.MemberView;
import org.civic.activities.domain.Visit;
import org.civic.activities.domain.VisitRules;
import org.civic.activities.domain.VolunteerService;
import org.civic.activities.domain.VolunteerTeam;
import org.civic.activities.persistence.ActivityAttendeeRepository;
import org.civic.activities.persistence.MemberViewRepository;
import org.civic.activities.persistence.Scoped;
import org.civic.activities.persistence.VisitRepository;
import org.civic.activities.persistence.VolunteerTeamRepository;
import org.civic.web.problem.ProblemException;
import org.civic.web.security.AuditLog;
import org.civic.web.security.Scope;
import org.civic.web.sheets.SafeCells;

/** The ledger (台帐) of a branch for a period, as one .xlsx workbook. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LedgerService {
  public static final String SHEET_MEETINGS = "会议活动";
  public static final String SHEET_ATTENDANCE = "出勤记录";
  public static final String SHEET_VISITS = "走访记录";
  public static final String SHEET_VOLUNTEER = "志愿服务时长";
  public static final String SHEET_CONCERNS = "意见建议与困难问题";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Branches branches;
  private final ActivityService activities;
  private final ActivityAttendeeRepository attendees;
  private final VisitRepository visits;
  private final VolunteerTeamService volunteering;
  private final VolunteerTeamRepository teams;
  private final ConcernService concerns;
  private final MemberViewRepository members;
  private final Access access;

  LedgerService(
      Branches branches,
      ActivityService activities,
      ActivityAttendeeRepository attendees,
      VisitRepository visits,
      VolunteerTeamService volunteering,
      VolunteerTeamRepository teams,
      ConcernService concerns,
      MemberViewRepository members,
      Access access) {
    this.branches = branches;
    this.activities = activities;
    this.attendees = attendees;
    this.visits = visits;
    this.volunteering = volunteering;
    this.teams = teams;
    this.concerns = concerns;
    this.members = members;
    this.access = access;
  }

  /**
   * The workbook of a branch inside the caller's scope (403 otherwise); every query is limited to
   * the caller's scope, every text cell is neutralised against formula injection, and the export is
   * written to the audit log with the branch and every member it names.
   */
  public byte[] workbook(UUID branchId, LocalDate from, LocalDate to) {
    BranchView branch = branches.requireInScope(branchId);
    if (to.isBefore(from)) {
      throw ProblemException.invalid("to", "must not be before from");
    }
    if (from.plusYears(5).isBefore(to)) {
      throw ProblemException.invalid("to", "the period may span at most 5 years");
    }
    OffsetDateTime start = ActivityService.startOf(from);
    OffsetDateTime end = ActivityService.startOf(to.plusDays(1));
    List<Activity> acts = activities.between(branchId, from, to);
    List<ActivityAttendee> att =
        attendees.ofActivities(acts.stream().map(a -> a.id).toList(), access.scope());
    Map<UUID, List<ActivityAttendee>> attByActivity =
        att.stream().collect(Collectors.groupingBy(a -> a.activityId));
    Scope.Clause visible = VisitRepository.visibleTo(access.scope());
    List<Visit> vs =
        visits.list(
            Scoped.where("branchId = :branch and visitedAt >= :from and visitedAt < :to", visible)
                + " order by visitedAt, id",
            Scoped.params(Map.of("branch", branchId, "from", start, "to", end), visible));
    Map<UUID, String> names =
        members.list("communityId", branch.communityId).stream()
            .collect(Collectors.toMap(m -> m.memberId, m -> m.name));
    Map<UUID, VolunteerTeam> teamById =
        teams.list("branchId", branchId).stream()
            .collect(Collectors.toMap(t -> t.id, Function.identity()));
    List<VolunteerService> services = volunteering.servicesOfBranch(branchId, from, to);
    List<Concern> cs = concerns.raisedBetween(branchId, start, end);
    Map<UUID, List<MemberView>> householdMembers =
        members.inHouseholds(vs.stream().map(v -> v.householdId).toList()).stream()
            .collect(Collectors.groupingBy(m -> m.householdId));
    access.audited(
        AuditLog.Action.EXPORT,
        "Ledger",
        listed(branchId, acts, att, vs, householdMembers, services, cs),
        "ledger of branch " + branchId + " " + from + ".." + to);

    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);

      Sheet meetings = wb.createSheet(SHEET_MEETINGS);
      header(
          meetings, bold, "日期时间", "类型", "主题", "地点", "主持人", "记录人", "主讲人", "状态", "应到", "实到", "请假",
          "缺席", "会议纪要");
      for (Activity a : acts) {
        List<ActivityAttendee> list = attByActivity.getOrDefault(a.id, List.of());
        row(
            meetings,
            time(a.startsAt),
            a.type.chinese(),
            a.title,
            a.place,
            names.getOrDefault(a.hostMemberId, str(a.hostMemberId)),
            names.getOrDefault(a.recorderMemberId, str(a.recorderMemberId)),
            a.lecturer,
            switch (a.status) {
              case SCHEDULED -> "已安排";
              case HELD -> "已召开";
              case CANCELLED -> "已取消";
            },
            list.size(),
            count(list, Attendance.PRESENT),
            count(list, Attendance.ON_LEAVE),
            count(list, Attendance.ABSENT),
            a.summary);
      }

      Sheet attendance = wb.createSheet(SHEET_ATTENDANCE);
      header(attendance, bold, "日期时间", "类型", "主题", "党员", "出勤", "请假事由");
      Map<UUID, Activity> actById =
          acts.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
      for (ActivityAttendee x : att) {
        Activity a = actById.get(x.activityId);
        row(
            attendance,
            time(a.startsAt),
            a.type.chinese(),
            a.title,
            x.memberName,
            x.attendance == null
                ? "未记录"
                : switch (x.attendance) {
                  case PRESENT -> "出席";
                  case ON_LEAVE -> "请假";
                  case ABSENT -> "缺席";
                },
            x.leaveReason);
      }

      Sheet visitSheet = wb.createSheet(SHEET_VISITS);
      header(visitSheet, bold, "走访时间", "走访家庭", "家庭成员", "走访人", "走访类型", "情况记录", "需跟进", "跟进结果");
      Map<UUID, String> householdNames = new HashMap<>();
      householdMembers.forEach(
          (household, list) ->
              householdNames.put(
                  household,
                  list.stream().map(MemberView::nameAndAddress).collect(Collectors.joining("、"))));
      for (Visit v : vs) {
        row(
            visitSheet,
            time(v.visitedAt),
            v.householdId.toString(),
            householdNames.getOrDefault(v.householdId, ""),
            names.getOrDefault(v.visitorMemberId, v.visitorMemberId.toString()),
            switch (v.kind) {
              case ROUTINE -> "例行走访";
              case ILLNESS -> "探病";
              case HARDSHIP -> "困难帮扶";
              case FESTIVAL -> "节日慰问";
            },
            v.notes,
            v.followUpNeeded ? "是" : "否",
            v.followUpNeeded ? (v.followUpResolved ? "已解决：" + nz(v.followUpNote) : "待跟进") : "");
      }

      Sheet vol = wb.createSheet(SHEET_VOLUNTEER);
      header(vol, bold, "服务日期", "服务队", "党员", "时长（小时）", "服务内容");
      for (VolunteerService s : services) {
        VolunteerTeam t = teamById.get(s.teamId);
        row(
            vol,
            s.servedOn.toString(),
            t == null ? "" : t.name,
            s.memberName,
            s.hours.doubleValue(),
            s.description);
      }
      double total = services.stream().mapToDouble(s -> s.hours.doubleValue()).sum();
      row(vol, "合计", "", "", total, services.size() + " 条记录");

      Sheet concernSheet = wb.createSheet(SHEET_CONCERNS);
      header(concernSheet, bold, "提出时间", "类别", "事项", "提出人", "地点", "状态", "处理结果", "上报至");
      for (Concern c : cs) {
        row(
            concernSheet,
            time(c.raisedAt),
            switch (c.category) {
              case SUGGESTION -> "意见建议";
              case DIFFICULTY -> "困难问题";
              case COMPLAINT -> "投诉";
              case DISPUTE -> "邻里纠纷";
              case OTHER -> "其他";
            },
            c.title,
            c.raisedByName,
            c.location,
            switch (c.status) {
              case OPEN -> "待处理";
              case ASSIGNED -> "处理中";
              case RESOLVED -> "已解决";
              case ESCALATED -> "已上报";
            },
            c.resolution,
            c.escalatedTo == null ? "" : (c.escalatedTo.name().equals("STREET") ? "街道" : "社区"));
      }
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        wb.getSheetAt(i).createFreezePane(0, 1);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void header(Sheet sheet, CellStyle bold, String... titles) {
    Row r = sheet.createRow(0);
    for (int i = 0; i < titles.length; i++) {
      var cell = r.createCell(i);
      cell.setCellValue(SafeCells.text(titles[i]));
      cell.setCellStyle(bold);
      sheet.setColumnWidth(i, Math.max(10, titles[i].length() * 2 + 4) * 256);
    }
  }

  /** A row; text goes through {@link SafeCells#text} (a cell starting with = + - @ is text). */
  private static void row(Sheet sheet, Object... values) {
    Row r = sheet.createRow(sheet.getLastRowNum() + 1);
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Number n) {
        r.createCell(i).setCellValue(n.doubleValue());
      } else if (v != null) {
        r.createCell(i).setCellValue(SafeCells.text(v.toString()));
      }
    }
  }

  /** The branch and every member the workbook names, for the audit log. */
  private static List<UUID> listed(
      UUID branchId,
      List<Activity> acts,
      List<ActivityAttendee> att,
      List<Visit> vs,
      Map<UUID, List<MemberView>> householdMembers,
      List<VolunteerService> services,
      List<Concern> cs) {
    Set<UUID> ids = new LinkedHashSet<>();
    ids.add(branchId);
    for (Activity a : acts) {
      addIfPresent(ids, a.hostMemberId);
      addIfPresent(ids, a.recorderMemberId);
    }
    att.forEach(x -> ids.add(x.memberId));
    for (Visit v : vs) {
      ids.add(v.visitorMemberId);
      householdMembers.getOrDefault(v.householdId, List.of()).forEach(m -> ids.add(m.memberId));
    }
    services.forEach(s -> ids.add(s.memberId));
    cs.forEach(c -> addIfPresent(ids, c.raisedByMemberId));
    return List.copyOf(ids);
  }

  private static void addIfPresent(Set<UUID> ids, UUID id) {
    if (id != null) {
      ids.add(id);
    }
  }

  private static int count(List<ActivityAttendee> list, Attendance a) {
    return (int) list.stream().filter(x -> x.attendance == a).count();
  }

  private static String time(OffsetDateTime t) {
    return t == null ? "" : t.atZoneSameInstant(VisitRules.ZONE).format(TIME);
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
