package org.civic.localinfra.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.civic.localinfra.demo.DemoDataSet.DemoBranch;
import org.civic.localinfra.demo.DemoDataSet.DemoMember;

/**
 * Loads the demo community ({@link DemoDataSet}) into the running services, once, through their
 * public REST APIs only, waiting for the Kafka events to reach the other services between steps:
 *
 * <ol>
 *   <li>branches-service: street and community org units, 32 buildings;
 *   <li>members-service: waits until it knows every building (BuildingRegistered), then imports the
 *       289 members in one CSV import (falls back to one POST per member);
 *   <li>branches-service: waits for the resident counts (MemberRegistered), establishes the 10
 *       branches and elects their committees;
 *   <li>activities-service: waits for the rosters (RosterChanged), then a few months of meetings
 *       with attendance, household visits, volunteer teams with hours and residents' concerns.
 * </ol>
 *
 * <p>"Once": when branches-service already has a root org unit, nothing is loaded.
 */
public final class DemoData {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(120);

  private final URI members;
  private final URI branches;
  private final URI activities;
  private final Consumer<String> log;
  private final DemoHttp http;
  private final DemoDataSet data = DemoDataSet.generate();
  private final Random random = new Random(DemoDataSet.SEED + 1);
  private final Map<String, Integer> counts = new LinkedHashMap<>();
  private BigDecimal volunteerHours = BigDecimal.ZERO;

  /**
   * What happened: loaded or not, the text to show (summary and ready-to-paste requests), and the
   * demo community, its biggest branch and one of that branch's members (null when not found), for
   * the demo users' tokens.
   */
  public record Outcome(boolean loaded, String summary, UUID community, UUID branch, UUID member) {
    Outcome(boolean loaded, String summary) {
      this(loaded, summary, null, null, null);
    }
  }

  /** A branch as loaded: the plan, its id, its roster in activities-service, its committee. */
  private static final class LoadedBranch {
    final DemoBranch plan;
    final UUID id;
    final List<DemoMember> expected;
    List<JsonNode> roster = List.of(); // activities-service: memberId, memberName, householdId
    final List<UUID> committee = new ArrayList<>(); // secretary first
    final Map<String, String> roles = new LinkedHashMap<>();

    LoadedBranch(DemoBranch plan, UUID id, List<DemoMember> expected) {
      this.plan = plan;
      this.id = id;
      this.expected = expected;
    }

    List<UUID> households() {
      return roster.stream()
          .map(r -> uuid(r, "householdId"))
          .distinct()
          .collect(Collectors.toList());
    }
  }

  /**
   * @param bearerToken a STREET_ADMIN token for {@link DemoDataSet#STREET_ID}: the loader uses the
   *     public APIs like any client
   */
  public DemoData(
      URI members, URI branches, URI activities, String bearerToken, Consumer<String> log) {
    this.http = new DemoHttp(bearerToken);
    this.members = members;
    this.branches = branches;
    this.activities = activities;
    this.log = log;
  }

  /** Loads the demo data unless branches-service already has an organisation tree. */
  public Outcome loadIfEmpty() {
    JsonNode roots = http.get(branches.resolve("/api/v1/org-units?size=200"));
    if (roots.path("total").asLong() > 0) {
      return alreadyPresent(roots);
    }
    long started = System.nanoTime();
    Map<String, Long> stepMillis = new LinkedHashMap<>();
    long step = System.nanoTime();

    UUID street = createStreet();
    UUID community = createOrgUnit(street, "COMMUNITY_COMMITTEE", DemoDataSet.COMMUNITY);
    Map<Integer, UUID> buildingIds = registerBuildings(community);
    awaitBuildingsKnownToMembers(buildingIds);
    stepMillis.put("org units + buildings", millisSince(step));

    step = System.nanoTime();
    importMembers(buildingIds);
    awaitResidentCounts(community, buildingIds);
    stepMillis.put("members (import + counts in branches-service)", millisSince(step));

    step = System.nanoTime();
    List<LoadedBranch> loaded = establishBranches(community, buildingIds);
    awaitActivitiesRosters(loaded);
    stepMillis.put("branches + committees (+ rosters in activities-service)", millisSince(step));

    step = System.nanoTime();
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    meetings(loaded, now);
    visits(loaded, now);
    volunteerTeams(loaded, now);
    concerns(loaded, now);
    stepMillis.put("meetings, visits, volunteering, concerns", millisSince(step));

    long millis = millisSince(started);
    LoadedBranch biggest =
        loaded.stream().max(Comparator.comparing(b -> b.expected.size())).orElseThrow();
    return new Outcome(
        true,
        summary(community, loaded, now, millis, stepMillis),
        community,
        biggest.id,
        firstMember(biggest.id));
  }

  // ---------------------------------------------------------------- organisation and buildings

  /** The street has a fixed id: the one the street administrator's token is bound to. */
  private UUID createStreet() {
    ObjectNode body =
        DemoHttp.object()
            .put("id", DemoDataSet.STREET_ID.toString())
            .put("kind", "STREET_WORKING_COMMITTEE")
            .put("name", DemoDataSet.STREET);
    return uuid(http.post(branches.resolve("/api/v1/org-units"), body), "id");
  }

  private UUID createOrgUnit(UUID parent, String kind, String name) {
    ObjectNode body = DemoHttp.object().put("kind", kind).put("name", name);
    if (parent != null) {
      body.put("parentId", parent.toString());
    }
    return uuid(http.post(branches.resolve("/api/v1/org-units"), body), "id");
  }

  private Map<Integer, UUID> registerBuildings(UUID community) {
    Map<Integer, UUID> ids = new LinkedHashMap<>();
    for (DemoDataSet.DemoBuilding b : data.buildings()) {
      ObjectNode body =
          DemoHttp.object()
              .put("communityId", community.toString())
              .put("name", b.name())
              .put("units", b.units())
              .put("address", b.address());
      ids.put(b.number(), uuid(http.post(branches.resolve("/api/v1/buildings"), body), "id"));
    }
    count("buildings", ids.size());
    log.accept("registered " + ids.size() + " buildings in branches-service");
    return ids;
  }

  private void awaitBuildingsKnownToMembers(Map<Integer, UUID> buildingIds) {
    Set<UUID> pending = new LinkedHashSet<>(buildingIds.values());
    long waited =
        DemoHttp.await(
            "members-service to know the buildings (BuildingRegistered on branches.events)",
            PROPAGATION_TIMEOUT,
            () -> {
              pending.removeIf(
                  id ->
                      http.send(
                              "GET",
                              members.resolve("/api/v1/reference/buildings/" + id),
                              null,
                              null)
                          .ok());
              return pending.isEmpty()
                  ? null
                  : pending.size() + " of " + buildingIds.size() + " buildings still unknown";
            });
    log.accept("members-service knows all buildings (waited " + waited + " ms)");
  }

  // ---------------------------------------------------------------- members

  private void importMembers(Map<Integer, UUID> buildingIds) {
    URI uri = members.resolve("/api/v1/members/import");
    DemoHttp.Reply reply = http.send("POST", uri, "text/csv", data.csv(buildingIds));
    if (reply.status() == 404 || reply.status() == 405 || reply.status() == 415) {
      log.accept(
          "bulk import not available (" + reply.status() + "): registering members one by one");
      registerOneByOne(buildingIds);
      return;
    }
    if (!reply.ok()) {
      throw new DemoDataException(
          "POST "
              + uri
              + " (CSV import) answered "
              + reply.status()
              + ": "
              + DemoHttp.abbreviate(reply.body()));
    }
    JsonNode result = reply.json();
    int imported = result.path("imported").asInt(-1);
    if (imported != data.members().size()) {
      throw new DemoDataException(
          "The CSV import reported "
              + imported
              + " members, expected "
              + data.members().size()
              + ": "
              + result);
    }
    count("members", imported);
    log.accept(
        "imported "
            + imported
            + " members into members-service (one CSV import, "
            + result.path("millis").asLong()
            + " ms in the service)");
  }

  private void registerOneByOne(Map<Integer, UUID> buildingIds) {
    URI uri = members.resolve("/api/v1/members");
    for (DemoMember m : data.members()) {
      ObjectNode body =
          DemoHttp.object()
              .put("name", m.name())
              .put("gender", m.gender())
              .put("birthDate", m.birthDate().toString())
              .put("ethnicity", m.ethnicity())
              .put("phone", m.phone())
              .put("standing", m.standing())
              .put("joinedOn", m.joinedOn().toString())
              .put("category", m.category())
              .put("membershipHeld", m.membershipHeld())
              .put("workUnit", m.workUnit())
              .put("position", m.position())
              .put("buildingId", buildingIds.get(m.building()).toString())
              .put("unit", m.unit())
              .put("room", m.room());
      if (m.fullMemberOn() != null) {
        body.put("fullMemberOn", m.fullMemberOn().toString());
      }
      if (m.membershipOrganisation() != null) {
        body.put("membershipOrganisation", m.membershipOrganisation());
      }
      ArrayNode tags = body.putArray("specialties");
      m.specialties().forEach(tags::add);
      http.post(uri, body);
    }
    count("members", data.members().size());
    log.accept("registered " + data.members().size() + " members one by one");
  }

  private void awaitResidentCounts(UUID community, Map<Integer, UUID> buildingIds) {
    Map<UUID, long[]> expected = new HashMap<>(); // buildingId -> {total, full}
    data.membersByBuilding()
        .forEach(
            (n, list) ->
                expected.put(
                    buildingIds.get(n),
                    new long[] {list.size(), list.stream().filter(DemoMember::full).count()}));
    URI uri = branches.resolve("/api/v1/communities/" + community + "/branch-eligibility");
    long waited =
        DemoHttp.await(
            "branches-service to count the residents (MemberRegistered on members.events)",
            PROPAGATION_TIMEOUT,
            () -> {
              JsonNode report = http.get(uri);
              int behind = 0;
              for (JsonNode b : report.path("items")) {
                long[] want = expected.get(uuid(b, "id"));
                JsonNode residents = b.path("residents");
                if (want != null
                    && (residents.path("total").asLong() != want[0]
                        || residents.path("full").asLong() != want[1])) {
                  behind++;
                }
              }
              return behind == 0
                  ? null
                  : report.path("members").asLong()
                      + " of "
                      + data.members().size()
                      + " members counted, "
                      + behind
                      + " buildings not yet at their expected full-member count";
            });
    log.accept(
        "branches-service counts all "
            + data.members().size()
            + " residents (waited "
            + waited
            + " ms after the import)");
  }

  // ---------------------------------------------------------------- branches and committees

  private List<LoadedBranch> establishBranches(UUID community, Map<Integer, UUID> buildingIds) {
    List<LoadedBranch> loaded = new ArrayList<>();
    int seats = 0;
    for (DemoBranch plan : data.branches()) {
      ObjectNode body =
          DemoHttp.object()
              .put("communityId", community.toString())
              .put("name", plan.name())
              .put("kind", plan.kind())
              .put("establishedOn", plan.establishedOn().toString());
      ArrayNode ids = body.putArray("buildingIds");
      plan.buildings().forEach(n -> ids.add(buildingIds.get(n).toString()));
      JsonNode branch = http.post(branches.resolve("/api/v1/branches"), body);
      LoadedBranch b = new LoadedBranch(plan, uuid(branch, "id"), data.membersOf(plan));
      if (branch.path("members").asLong() != b.expected.size()) {
        log.accept(
            "note: "
                + plan.name()
                + " reports "
                + branch.path("members").asLong()
                + " members, expected "
                + b.expected.size());
      }
      seats += electCommittee(b);
      if (plan.kind().equals("JOINT_BRANCH")) {
        // A joint branch organises its members in one party group (党小组) per building.
        for (int n : plan.buildings()) {
          createOrgUnit(b.id, "PARTY_GROUP", n + "号楼党小组");
          count("party groups", 1);
        }
      }
      loaded.add(b);
    }
    count("branches", loaded.size());
    count("committee seats", seats);
    log.accept(
        "established "
            + loaded.size()
            + " branches ("
            + loaded.stream().filter(b -> b.plan.kind().equals("JOINT_BRANCH")).count()
            + " joint) with "
            + seats
            + " committee seats");
    return loaded;
  }

  /** Elects the first committee: from 7 full members 3 to 5 seats, else a secretary (+ deputy). */
  private int electCommittee(LoadedBranch b) {
    Map<String, UUID> ids = new HashMap<>();
    for (JsonNode r : http.all(branches.resolve("/api/v1/branches/" + b.id + "/roster"), "")) {
      ids.put(r.path("name").asText(), uuid(r, "memberId"));
    }
    // Secretaries are usually retirees with time for the work; retired cadres are in their 90s.
    List<DemoMember> candidates =
        b.expected.stream()
            .filter(DemoMember::full)
            .filter(m -> ids.containsKey(m.name()))
            .sorted(
                Comparator.comparing(
                        (DemoMember m) ->
                            switch (m.category()) {
                              case "RETIRED" -> 0;
                              case "EMPLOYED" -> 1;
                              default -> 2;
                            })
                    .thenComparing(DemoMember::birthDate, Comparator.reverseOrder()))
            .toList();
    long full = b.expected.stream().filter(DemoMember::full).count();
    List<String> roles =
        full >= 12
            ? List.of("SECRETARY", "DEPUTY_SECRETARY", "ORGANISATION", "PUBLICITY", "DISCIPLINE")
            : full >= 7
                ? List.of("SECRETARY", "ORGANISATION", "PUBLICITY")
                : full >= 4 ? List.of("SECRETARY", "DEPUTY_SECRETARY") : List.of("SECRETARY");
    // Not always the youngest retirees: pick among the first candidates.
    List<DemoMember> pool = new ArrayList<>(candidates.subList(0, Math.min(candidates.size(), 8)));
    Collections.shuffle(pool, random);
    ObjectNode body =
        DemoHttp.object()
            .put("number", 1)
            .put("startDate", b.plan.establishedOn().toString())
            .put("electionMethod", b.plan.electionMethod());
    ArrayNode seats = body.putArray("seats");
    for (int i = 0; i < roles.size() && i < pool.size(); i++) {
      UUID id = ids.get(pool.get(i).name());
      seats.addObject().put("memberId", id.toString()).put("role", roles.get(i));
      b.committee.add(id);
      b.roles.put(pool.get(i).name(), roles.get(i));
    }
    http.post(branches.resolve("/api/v1/branches/" + b.id + "/terms"), body);
    return seats.size();
  }

  private void awaitActivitiesRosters(List<LoadedBranch> loaded) {
    long waited = 0;
    for (LoadedBranch b : loaded) {
      URI uri = activities.resolve("/api/v1/branches/" + b.id + "/roster");
      waited +=
          DemoHttp.await(
              "activities-service to know the roster of "
                  + b.plan.name()
                  + " (BranchEstablished and RosterChanged on branches.events)",
              PROPAGATION_TIMEOUT,
              () -> {
                DemoHttp.Reply reply = http.send("GET", uri, null, null);
                if (!reply.ok()) {
                  return "GET " + uri + " answered " + reply.status();
                }
                List<JsonNode> roster = new ArrayList<>();
                reply.json().forEach(roster::add);
                boolean householdsKnown =
                    roster.stream().allMatch(r -> r.hasNonNull("householdId"));
                if (roster.size() == b.expected.size() && householdsKnown) {
                  b.roster = roster;
                  return null;
                }
                return roster.size() + " of " + b.expected.size() + " members on the roster";
              });
    }
    log.accept(
        "activities-service has all " + loaded.size() + " rosters (waited " + waited + " ms)");
  }

  // ---------------------------------------------------------------- meetings with attendance

  private static final List<String> THEME_DAYS =
      List.of(
          "主题党日：重温入党誓词",
          "主题党日：学习《中国共产党支部工作条例》",
          "主题党日：楼道环境整治志愿服务",
          "主题党日：走访慰问困难党员和独居老人",
          "主题党日：参观雨花台烈士陵园",
          "主题党日：垃圾分类宣传进楼道");
  private static final List<String> LESSONS =
      List.of("党课：党的优良传统与作风建设", "党课：新时代基层党组织建设", "党课：党章学习与党员义务");
  private static final List<String> LEAVE_REASONS = List.of("身体不适", "外出探亲", "住院治疗", "照看孙辈", "外地旅游");

  /**
   * A meeting to hold: its type, day and hour, title, lecturer, and for a party group its building.
   */
  private record Meeting(
      String type, int day, int hour, String title, String lecturer, Integer building) {
    Meeting(String type, int day, int hour, String title) {
      this(type, day, hour, title, null, null);
    }
  }

  private void meetings(List<LoadedBranch> loaded, ZonedDateTime now) {
    int held = 0;
    int entries = 0;
    YearMonth current = YearMonth.from(now);
    for (LoadedBranch b : loaded) {
      for (int back = 3; back >= 0; back--) {
        YearMonth month = current.minusMonths(back);
        int index = month.getMonthValue();
        List<Meeting> planned = new ArrayList<>();
        if (b.committee.size() >= 3) {
          planned.add(
              new Meeting("COMMITTEE_MEETING", 2 + random.nextInt(3), 15, "支委会：研究本月走访和志愿服务安排"));
        }
        if (random.nextInt(100) < 92) { // now and then a month without a theme day
          String title = THEME_DAYS.get((index + b.plan.buildings().get(0)) % THEME_DAYS.size());
          planned.add(new Meeting("THEME_DAY", 5 + random.nextInt(6), 9, title));
        }
        if (b.plan.kind().equals("JOINT_BRANCH")) {
          for (int n : b.plan.buildings()) {
            String title = n + "号楼党小组会：学习讨论、通报楼内情况";
            planned.add(
                new Meeting("PARTY_GROUP_MEETING", 20 + random.nextInt(5), 15, title, null, n));
          }
        }
        if (index % 3 == 2) {
          planned.add(
              new Meeting(
                  "BRANCH_MEMBERS_MEETING", 12 + random.nextInt(5), 9, "支部党员大会：通报季度工作，讨论下季度计划"));
        }
        if (index % 3 == 0) {
          String title = LESSONS.get(index % LESSONS.size());
          planned.add(
              new Meeting(
                  "PARTY_LESSON", 18 + random.nextInt(5), 14, title, secretaryName(b), null));
        }
        for (Meeting meeting : planned) {
          ZonedDateTime starts =
              month.atDay(meeting.day()).atTime(LocalTime.of(meeting.hour(), 0)).atZone(ZONE);
          if (!starts.plusHours(2).isBefore(now)) {
            continue; // not held yet
          }
          entries += holdMeeting(b, meeting, starts);
          held++;
        }
      }
    }
    count("meetings held", held);
    count("attendance entries", entries);
    log.accept("held " + held + " meetings with " + entries + " attendance entries");
  }

  private String secretaryName(LoadedBranch b) {
    return b.roles.entrySet().stream()
        .filter(e -> e.getValue().equals("SECRETARY"))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  private int holdMeeting(LoadedBranch b, Meeting meeting, ZonedDateTime starts) {
    String type = meeting.type();
    String lecturer = meeting.lecturer();
    Integer onlyBuilding = meeting.building();
    ObjectNode body =
        DemoHttp.object()
            .put("branchId", b.id.toString())
            .put("type", type)
            .put("title", meeting.title())
            .put("startsAt", starts.toOffsetDateTime().toString())
            .put("endsAt", starts.plusMinutes(90).toOffsetDateTime().toString())
            .put("place", b.plan.kind().equals("JOINT_BRANCH") ? "社区党员活动室" : "楼道党员之家");
    if (!b.committee.isEmpty()) {
      body.put("hostMemberId", b.committee.get(0).toString());
      body.put("recorderMemberId", b.committee.get(b.committee.size() - 1).toString());
    }
    if (lecturer != null) {
      body.put("lecturer", lecturer);
    }
    JsonNode activity = http.post(activities.resolve("/api/v1/activities"), body);
    boolean committeeOnly = type.equals("COMMITTEE_MEETING");
    Map<String, DemoMember> byName =
        b.expected.stream().collect(Collectors.toMap(DemoMember::name, m -> m));
    ObjectNode attendance = DemoHttp.object().put("version", activity.path("version").asLong());
    ArrayNode list = attendance.putArray("entries");
    for (JsonNode r : b.roster) {
      UUID memberId = uuid(r, "memberId");
      if (committeeOnly && !b.committee.contains(memberId)) {
        continue;
      }
      DemoMember m = byName.get(r.path("memberName").asText());
      if (onlyBuilding != null && (m == null || m.building() != onlyBuilding)) {
        continue;
      }
      boolean old = m != null && m.category().equals("RETIRED_CADRE");
      int roll = random.nextInt(100);
      ObjectNode e = list.addObject().put("memberId", memberId.toString());
      if (roll < (old ? 40 : 82) || (committeeOnly && roll < 95)) {
        e.put("attendance", "PRESENT");
      } else if (roll < (old ? 96 : 94)) {
        e.put("attendance", "ON_LEAVE");
        String reason =
            old
                ? "年老体弱，行动不便"
                : m != null && m.category().equals("EMPLOYED")
                    ? "单位加班"
                    : LEAVE_REASONS.get(random.nextInt(LEAVE_REASONS.size()));
        e.put("reason", reason);
      } else {
        e.put("attendance", "ABSENT");
      }
    }
    if (list.isEmpty()) {
      return 0;
    }
    http.put(
        activities.resolve("/api/v1/activities/" + uuid(activity, "id") + "/attendance"),
        attendance);
    return list.size();
  }

  // ---------------------------------------------------------------- household visits

  private static final List<String> ROUTINE_NOTES =
      List.of(
          "身体状况良好，生活正常",
          "了解近况，宣传社区近期活动",
          "老人独居，子女每周探望，已留联系电话",
          "反映楼道照明不足，已记录",
          "送去学习资料，交流学习体会",
          "家中一切正常");

  private void visits(List<LoadedBranch> loaded, ZonedDateTime now) {
    int recorded = 0;
    int followUps = 0;
    YearMonth current = YearMonth.from(now);
    for (LoadedBranch b : loaded) {
      Set<UUID> oldHouseholds = new LinkedHashSet<>();
      Map<String, DemoMember> byName =
          b.expected.stream().collect(Collectors.toMap(DemoMember::name, m -> m));
      for (JsonNode r : b.roster) {
        DemoMember m = byName.get(r.path("memberName").asText());
        if (m != null && m.category().equals("RETIRED_CADRE")) {
          oldHouseholds.add(uuid(r, "householdId"));
        }
      }
      for (int back = 2; back >= 0; back--) {
        YearMonth month = current.minusMonths(back);
        for (UUID household : b.households()) {
          if (random.nextInt(100) >= (back == 0 ? 80 : 93)) {
            continue; // not visited (shows up as overdue)
          }
          int lastDay = back == 0 ? now.getDayOfMonth() : month.lengthOfMonth();
          ZonedDateTime at =
              month
                  .atDay(1 + random.nextInt(lastDay))
                  .atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(4) * 15))
                  .atZone(ZONE);
          if (!at.isBefore(now.minusMinutes(10))) {
            continue;
          }
          String kind = "ROUTINE";
          String notes = ROUTINE_NOTES.get(random.nextInt(ROUTINE_NOTES.size()));
          boolean followUp = false;
          int roll = random.nextInt(100);
          if (oldHouseholds.contains(household) && roll < 25) {
            kind = "ILLNESS";
            notes = "离休老党员身体欠佳，慰问并了解就医需求";
          } else if (roll < 5) {
            kind = "HARDSHIP";
            notes = "家庭生活困难，已向社区申请帮扶";
            followUp = true;
          } else if (month.getMonthValue() == 9 && roll < 30) {
            kind = "FESTIVAL";
            notes = "中秋节慰问，送去月饼";
          } else if (roll < 8) {
            notes = "反映家中水管老化漏水，需联系物业";
            followUp = true;
          }
          UUID visitor = b.committee.get(random.nextInt(b.committee.size()));
          ObjectNode body =
              DemoHttp.object()
                  .put("householdId", household.toString())
                  .put("branchId", b.id.toString())
                  .put("visitorMemberId", visitor.toString())
                  .put("visitedAt", at.toOffsetDateTime().toString())
                  .put("kind", kind)
                  .put("notes", notes)
                  .put("followUpNeeded", followUp);
          http.post(activities.resolve("/api/v1/visits"), body);
          recorded++;
          followUps += followUp ? 1 : 0;
        }
      }
    }
    count("visits", recorded);
    log.accept("recorded " + recorded + " household visits (" + followUps + " need follow-up)");
  }

  // ---------------------------------------------------------------- volunteer teams

  private record TeamPlan(String name, String kind, List<String> tags, String work) {}

  private static final List<TeamPlan> TEAMS =
      List.of(
          new TeamPlan("党员治安巡逻队", "PATROL", List.of("patrol", "security"), "夜间楼道及小区巡逻"),
          new TeamPlan(
              "党员医疗保健服务队", "MEDICAL", List.of("medical", "nursing", "health"), "为老人测量血压、健康咨询"),
          new TeamPlan(
              "家电维修服务队",
              "APPLIANCE_REPAIR",
              List.of("repair", "electrician", "appliance"),
              "为居民免费维修小家电"),
          new TeamPlan(
              "宣传服务队",
              "PUBLICITY",
              List.of("publicity", "calligraphy", "writing", "photography", "painting"),
              "出黑板报、书写宣传标语"),
          new TeamPlan(
              "敬老助老服务队",
              "ELDER_CARE",
              List.of("elder-care", "nursing", "companionship"),
              "陪伴独居老人、代购生活用品"),
          new TeamPlan(
              "环境卫生服务队",
              "SANITATION",
              List.of("sanitation", "gardening", "cleaning"),
              "清理楼道杂物、绿化带保洁"));

  private void volunteerTeams(List<LoadedBranch> loaded, ZonedDateTime now) {
    int teams = 0;
    int teamMembers = 0;
    int records = 0;
    BigDecimal hours = BigDecimal.ZERO;
    LocalDate today = now.toLocalDate();
    Set<UUID> branchesWithTeams = new LinkedHashSet<>();
    for (TeamPlan plan : TEAMS) {
      // The branch with most members carrying the team's tags (not yet having a team), or else
      // the biggest branch without one.
      LoadedBranch b =
          loaded.stream()
              .filter(x -> !branchesWithTeams.contains(x.id))
              .max(
                  Comparator.comparing((LoadedBranch x) -> tagged(x, plan.tags()).size())
                      .thenComparing(x -> x.expected.size()))
              .orElse(loaded.get(0));
      branchesWithTeams.add(b.id);
      String name =
          b.plan.buildings().size() == 1
              ? b.plan.buildings().get(0) + "号楼" + plan.name()
              : plan.name();
      JsonNode team =
          http.post(
              activities.resolve("/api/v1/volunteer-teams"),
              DemoHttp.object()
                  .put("branchId", b.id.toString())
                  .put("name", name)
                  .put("kind", plan.kind())
                  .put("description", plan.work()));
      teams++;
      UUID teamId = uuid(team, "id");
      Map<String, UUID> ids = new HashMap<>();
      b.roster.forEach(r -> ids.put(r.path("memberName").asText(), uuid(r, "memberId")));
      List<DemoMember> chosen = new ArrayList<>(tagged(b, plan.tags()));
      List<DemoMember> others =
          new ArrayList<>(
              b.expected.stream()
                  .filter(m -> !chosen.contains(m) && !m.category().equals("RETIRED_CADRE"))
                  .toList());
      Collections.shuffle(others, random);
      int size = 5 + random.nextInt(4);
      for (DemoMember m : others) {
        if (chosen.size() >= size) {
          break;
        }
        chosen.add(m);
      }
      for (DemoMember m : chosen) {
        UUID memberId = ids.get(m.name());
        if (memberId == null) {
          continue;
        }
        http.post(
            activities.resolve("/api/v1/volunteer-teams/" + teamId + "/members"),
            DemoHttp.object().put("memberId", memberId.toString()));
        teamMembers++;
        int services = 2 + random.nextInt(4);
        for (int i = 0; i < services; i++) {
          LocalDate servedOn = today.minusDays(1 + random.nextInt(88));
          BigDecimal h = BigDecimal.valueOf(2 + random.nextInt(6)).divide(BigDecimal.valueOf(2));
          http.post(
              activities.resolve("/api/v1/volunteer-teams/" + teamId + "/service-records"),
              DemoHttp.object()
                  .put("memberId", memberId.toString())
                  .put("servedOn", servedOn.toString())
                  .put("hours", h)
                  .put("description", plan.work()));
          records++;
          hours = hours.add(h);
        }
      }
    }
    count("volunteer teams", teams);
    count("volunteer service records", records);
    log.accept(
        teams
            + " volunteer teams, "
            + teamMembers
            + " team members, "
            + records
            + " service records, "
            + hours.stripTrailingZeros().toPlainString()
            + " hours");
    volunteerHours = hours;
  }

  private static List<DemoMember> tagged(LoadedBranch b, List<String> tags) {
    return b.expected.stream()
        .filter(m -> !m.category().equals("RETIRED_CADRE"))
        .filter(m -> m.specialties().stream().anyMatch(tags::contains))
        .toList();
  }

  // ---------------------------------------------------------------- residents' concerns

  private record ConcernPlan(String category, String title, String description, String outcome) {}

  private static final List<ConcernPlan> CONCERNS =
      List.of(
          new ConcernPlan("DIFFICULTY", "楼道灯坏了", "3单元2楼至5楼楼道灯不亮，老人夜间上下楼不便", "RESOLVED"),
          new ConcernPlan("DIFFICULTY", "下水道堵塞", "1单元一楼下水道反味、排水慢", "RESOLVED"),
          new ConcernPlan("SUGGESTION", "希望增设电动车充电桩", "楼下电动车飞线充电有安全隐患，建议集中充电", "ESCALATED_STREET"),
          new ConcernPlan("DIFFICULTY", "独居老人需要定期探望", "离休老党员独居，子女在外地", "ASSIGNED"),
          new ConcernPlan("COMPLAINT", "绿化带杂物堆放", "楼前绿化带长期堆放废旧家具", "RESOLVED"),
          new ConcernPlan("DIFFICULTY", "楼顶漏水", "顶楼住户雨天屋顶渗水，需维修基金", "ESCALATED_COMMUNITY"),
          new ConcernPlan("SUGGESTION", "开设老年人智能手机培训", "不少老人不会用手机挂号、缴费", "ASSIGNED"),
          new ConcernPlan("DISPUTE", "邻里噪音纠纷", "楼上装修噪音影响休息", "RESOLVED"),
          new ConcernPlan("COMPLAINT", "健身器材损坏", "小区健身器材扶手松动", "OPEN"),
          new ConcernPlan("DIFFICULTY", "困难家庭申请临时救助", "家中老人重病，医疗费用负担重", "ESCALATED_COMMUNITY"),
          new ConcernPlan("SUGGESTION", "加装电梯意见征集", "多数住户希望加装电梯，需协调一楼住户", "OPEN"),
          new ConcernPlan("OTHER", "楼道宣传栏更新", "宣传栏内容陈旧，建议每月更新", "RESOLVED"),
          new ConcernPlan("COMPLAINT", "小区停车难", "外来车辆占用消防通道", "ASSIGNED"),
          new ConcernPlan("SUGGESTION", "增设休息座椅", "老人散步希望楼下有座椅休息", "OPEN"));

  private static final List<String> RESIDENT_NAMES =
      List.of("居民王阿姨", "居民李师傅", "居民陈大爷", "居民赵女士", "居民刘先生");

  private void concerns(List<LoadedBranch> loaded, ZonedDateTime now) {
    Map<String, Integer> byOutcome = new LinkedHashMap<>();
    for (int i = 0; i < CONCERNS.size(); i++) {
      ConcernPlan plan = CONCERNS.get(i);
      LoadedBranch b = loaded.get(i % loaded.size());
      JsonNode someone = b.roster.get(random.nextInt(b.roster.size()));
      ObjectNode body =
          DemoHttp.object()
              .put("branchId", b.id.toString())
              .put("category", plan.category())
              .put("title", plan.title())
              .put("description", plan.description())
              .put("buildingId", someone.path("buildingId").asText())
              .put("location", b.plan.buildings().get(0) + "号楼")
              .put(
                  "raisedAt",
                  now.minusDays(3 + random.nextInt(80))
                      .withHour(10)
                      .withMinute(0)
                      .withSecond(0)
                      .withNano(0)
                      .toOffsetDateTime()
                      .toString());
      if (random.nextBoolean()) {
        body.put("raisedByMemberId", someone.path("memberId").asText());
        body.put("householdId", someone.path("householdId").asText());
      } else {
        body.put("raisedByName", RESIDENT_NAMES.get(random.nextInt(RESIDENT_NAMES.size())));
      }
      JsonNode concern = http.post(activities.resolve("/api/v1/concerns"), body);
      URI uri = activities.resolve("/api/v1/concerns/" + uuid(concern, "id"));
      long version = concern.path("version").asLong();
      String assignee = b.committee.get(random.nextInt(b.committee.size())).toString();
      switch (plan.outcome()) {
        case "ASSIGNED", "RESOLVED" -> {
          JsonNode assigned =
              http.post(
                  URI.create(uri + "/assignment"),
                  DemoHttp.object().put("memberId", assignee).put("version", version));
          if (plan.outcome().equals("RESOLVED")) {
            http.post(
                URI.create(uri + "/resolution"),
                DemoHttp.object()
                    .put("resolution", "已联系物业和社区处理完毕，居民满意")
                    .put("version", assigned.path("version").asLong()));
          }
        }
        case "ESCALATED_COMMUNITY", "ESCALATED_STREET" ->
            http.post(
                URI.create(uri + "/escalation"),
                DemoHttp.object()
                    .put("escalatedTo", plan.outcome().endsWith("STREET") ? "STREET" : "COMMUNITY")
                    .put("note", "超出楼幢党支部协调能力，报请上级解决")
                    .put("version", version));
        default -> {} // OPEN
      }
      byOutcome.merge(
          plan.outcome().startsWith("ESCALATED") ? "ESCALATED" : plan.outcome(), 1, Integer::sum);
    }
    count("concerns", CONCERNS.size());
    log.accept("recorded " + CONCERNS.size() + " residents' concerns " + byOutcome);
  }

  // ---------------------------------------------------------------- summary

  private String summary(
      UUID community,
      List<LoadedBranch> loaded,
      ZonedDateTime now,
      long millis,
      Map<String, Long> stepMillis) {
    Map<String, Long> byCategory = data.countByCategory();
    long probationary = data.members().stream().filter(m -> !m.full()).count();
    StringBuilder text = new StringBuilder();
    text.append(
            String.format(
                "Demo data loaded in %.1f s (%d requests):%n", millis / 1000.0, http.requests()))
        .append(
            String.format(
                "  %s / %s, %d buildings (%d with more than 3 members)%n",
                DemoDataSet.STREET,
                DemoDataSet.COMMUNITY,
                data.buildings().size(),
                data.membersByBuilding().values().stream().filter(l -> l.size() > 3).count()))
        .append(
            String.format(
                "  %d members: %d retired cadres (离休), %d retirees (退休), %d employed (在职); %d probationary; %d households%n",
                data.members().size(),
                byCategory.getOrDefault("RETIRED_CADRE", 0L),
                byCategory.getOrDefault("RETIRED", 0L),
                byCategory.getOrDefault("EMPLOYED", 0L),
                probationary,
                data.households()))
        .append(
            String.format(
                "  %d branches (%d joint, %d party groups), %d committee seats; %d meetings (%d attendance entries)%n",
                counts.get("branches"),
                loaded.stream().filter(b -> b.plan.kind().equals("JOINT_BRANCH")).count(),
                counts.getOrDefault("party groups", 0),
                counts.get("committee seats"),
                counts.get("meetings held"),
                counts.get("attendance entries")))
        .append(
            String.format(
                "  %d visits, %d volunteer teams (%d service records, %s hours), %d concerns%n",
                counts.get("visits"),
                counts.get("volunteer teams"),
                counts.get("volunteer service records"),
                volunteerHours.stripTrailingZeros().toPlainString(),
                counts.get("concerns")));
    stepMillis.forEach(
        (step, ms) -> text.append(String.format("    %-58s %6.1f s%n", step, ms / 1000.0)));
    LoadedBranch biggest =
        loaded.stream().max(Comparator.comparing(b -> b.expected.size())).orElseThrow();
    text.append(requests(community, biggest.id, biggest.plan.name(), YearMonth.from(now)));
    return text.toString();
  }

  /** A member on the branch's roster, for the demo MEMBER token. */
  private UUID firstMember(UUID branch) {
    DemoHttp.Reply reply =
        http.send(
            "GET", branches.resolve("/api/v1/branches/" + branch + "/roster?size=1"), null, null);
    if (!reply.ok()) {
      return null; // the MEMBER token is a convenience: no token rather than no platform
    }
    JsonNode first = reply.json().path("items").path(0);
    return first.isMissingNode() ? null : uuid(first, "memberId");
  }

  /** When the data is already there: find the demo community and its biggest branch. */
  private Outcome alreadyPresent(JsonNode roots) {
    String skipped =
        "Demo data already present (branches-service has an organisation tree): not loaded again.\n";
    try {
      for (JsonNode root : roots.path("items")) {
        if (!DemoDataSet.STREET.equals(root.path("name").asText())) {
          continue;
        }
        for (JsonNode unit :
            http.all(
                branches.resolve("/api/v1/org-units"), "parentId=" + root.path("id").asText())) {
          if (!DemoDataSet.COMMUNITY.equals(unit.path("name").asText())) {
            continue;
          }
          UUID community = uuid(unit, "id");
          JsonNode biggest = null;
          for (JsonNode b :
              http.all(
                  branches.resolve("/api/v1/branches"),
                  "communityId=" + community + "&status=ACTIVE")) {
            if (biggest == null || b.path("members").asLong() > biggest.path("members").asLong()) {
              biggest = b;
            }
          }
          if (biggest == null) {
            return new Outcome(
                false,
                skipped
                    + "  (no branch found: an earlier load may have stopped half-way; ./run-local.sh --reset starts empty)\n");
          }
          UUID branch = uuid(biggest, "id");
          String text =
              skipped
                  + requests(community, branch, biggest.path("name").asText(), YearMonth.now(ZONE));
          return new Outcome(false, text, community, branch, firstMember(branch));
        }
      }
    } catch (DemoDataException e) {
      return new Outcome(
          false, skipped + "  (could not look up the demo ids: " + e.getMessage() + ")\n");
    }
    return new Outcome(
        false, skipped + "  (it is not the demo street; ./run-local.sh --reset starts empty)\n");
  }

  private String requests(UUID community, UUID branch, String branchName, YearMonth month) {
    return String.format(
        "%nTry it (more in local-infra/DEMO.md; tokens of the demo users are in .local/tokens):%n"
            + "  TOKEN=$(cat .local/tokens/street-admin.jwt)%n"
            + "  # Branch eligibility of every building of %s%n"
            + "  curl -s -H \"Authorization: Bearer $TOKEN\" http://localhost:%d/api/v1/communities/%s/branch-eligibility%n"
            + "  # Roster of %s%n"
            + "  curl -s -H \"Authorization: Bearer $TOKEN\" 'http://localhost:%d/api/v1/branches/%s/roster?size=50'%n"
            + "  # Its household visits of %s: due, visited, overdue%n"
            + "  curl -s -H \"Authorization: Bearer $TOKEN\" 'http://localhost:%d/api/v1/branches/%s/visit-compliance?month=%s'%n"
            + "  # Members with a medical specialty (爱好特长), e.g. for a volunteer team%n"
            + "  curl -s -H \"Authorization: Bearer $TOKEN\" 'http://localhost:%d/api/v1/members?communityId=%s&specialty=medical'%n",
        DemoDataSet.COMMUNITY,
        branches.getPort(),
        community,
        branchName,
        branches.getPort(),
        branch,
        month,
        activities.getPort(),
        branch,
        month,
        members.getPort(),
        community);
  }

  // ---------------------------------------------------------------- helpers

  private void count(String what, int n) {
    counts.merge(what, n, Integer::sum);
  }

  static UUID uuid(JsonNode node, String field) {
    String text = node.path(field).asText(null);
    if (text == null) {
      throw new DemoDataException("No " + field + " in " + DemoHttp.abbreviate(node.toString()));
    }
    return UUID.fromString(text);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** For the unit test: the data set this loader loads. */
  DemoDataSet dataSet() {
    return data;
  }
}
