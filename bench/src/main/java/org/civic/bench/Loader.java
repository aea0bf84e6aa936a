package org.civic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.civic.bench.DataSet.Community;
import org.civic.bench.State.BranchIds;
import org.civic.bench.State.CommunityIds;

/**
 * Loads communities of the {@link DataSet} through the public REST APIs (like the demo loader),
 * waiting for the events to reach the other services between steps, and records how long each step
 * took.
 */
final class Loader {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final Bench.Context ctx;
  private final Http http;
  private final DataSet data;
  private final State state;
  private final Random random = new Random(DataSet.SEED + 7);
  private final Map<String, Object> result = new LinkedHashMap<>();
  private final Map<String, Object> steps = new LinkedHashMap<>();

  Loader(Bench.Context ctx, Http http, DataSet data, State state) {
    this.ctx = ctx;
    this.http = http;
    this.data = data;
    this.state = state;
  }

  /** Loads communities [from, to) and returns what was loaded and how long each step took. */
  Map<String, Object> load(int from, int to, int meetingMonths, int visitMonthsSmall) {
    long started = System.nanoTime();
    List<Community> communities = data.communities.subList(from, to);
    ensureStreet();
    long t = System.nanoTime();
    for (Community c : communities) {
      createCommunity(c);
    }
    registerBuildings(communities);
    awaitBuildingsKnown(communities);
    step("org units + buildings (+ members-service knows them)", t);

    t = System.nanoTime();
    int imported = 0;
    for (Community c : communities) {
      imported += importMembers(c);
    }
    step("members: CSV import, one request per community", t);
    t = System.nanoTime();
    awaitCounts(communities);
    step("  ... until branches-service counts every resident", t);

    t = System.nanoTime();
    establishBranches(communities);
    step("branches established", t);
    t = System.nanoTime();
    awaitRosters(communities);
    step("  ... until activities-service has every roster", t);

    t = System.nanoTime();
    int[] meetings = meetings(communities, meetingMonths);
    step("meetings with attendance", t);
    t = System.nanoTime();
    int visits = visits(communities, visitMonthsSmall);
    step("household visits", t);

    result.put("communities", communities.size());
    result.put("buildings", communities.stream().mapToInt(c -> c.buildings().size()).sum());
    result.put("members", imported);
    result.put(
        "households",
        communities.stream()
            .mapToLong(c -> c.allMembers().stream().map(DataSet.Member::address).distinct().count())
            .sum());
    result.put("branches", communities.stream().mapToInt(c -> c.branches().size()).sum());
    result.put("meetings", meetings[0]);
    result.put("attendanceEntries", meetings[1]);
    result.put("meetingMonths", meetingMonths);
    result.put("visits", visits);
    result.put(
        "visitsLoaded",
        (from == 0 ? visitMonthsSmall + " months for community 1, " : "")
            + "the current month for "
            + (from == 0 ? "the others" : "every community"));
    result.put("requests", http.requests());
    result.put("seconds", (System.nanoTime() - started) / 1e9);
    result.put("steps", steps);
    return result;
  }

  private void step(String name, long startedNanos) {
    double s = (System.nanoTime() - startedNanos) / 1e9;
    steps.put(name, Math.round(s * 10) / 10.0);
    ctx.say("  %-58s %6.1f s", name, s);
  }

  // ----------------------------------------------------------------- organisation

  /**
   * The street with the fixed id the token is bound to. Before branches-service accepts a given id
   * it ignores the field: then the returned id counts and tokens are minted for it.
   */
  private void ensureStreet() {
    if (state.street != null) {
      return;
    }
    JsonNode roots = http.get(http.branches.resolve("/api/v1/org-units?size=200"));
    if (roots.path("total").asLong() > 0) {
      throw new IllegalStateException(
          "branches-service already has an organisation tree: start from empty"
              + " (bench/run.sh uses ./run-local.sh --reset --no-demo)");
    }
    ObjectNode body =
        Http.object()
            .put("id", Bench.STREET.toString())
            .put("kind", "STREET_WORKING_COMMITTEE")
            .put("name", "压测街道党工委");
    String id = http.post(http.branches.resolve("/api/v1/org-units"), body).path("id").asText();
    state.street = id;
    if (!id.equals(Bench.STREET.toString())) {
      ctx.say(
          "branches-service gave the street id %s (not the fixed %s): minting tokens for it",
          id, Bench.STREET);
      http.token(ctx.streetAdminToken(id));
    }
    ctx.writeToken(http.token());
  }

  private void createCommunity(Community c) {
    if (state.community(c.index()) != null) {
      throw new IllegalStateException("community " + c.index() + " is already loaded");
    }
    ObjectNode body =
        Http.object()
            .put("parentId", state.street)
            .put("kind", "COMMUNITY_COMMITTEE")
            .put("name", c.name());
    CommunityIds ids = new CommunityIds();
    ids.index = c.index();
    ids.id = http.post(http.branches.resolve("/api/v1/org-units"), body).path("id").asText();
    state.communities.add(ids);
  }

  private void registerBuildings(List<Community> communities) {
    List<Object[]> work = new ArrayList<>();
    for (Community c : communities) {
      c.buildings().forEach(b -> work.add(new Object[] {c, b}));
    }
    Map<String, String> ids = new ConcurrentHashMap<>();
    http.parallel(
        work,
        w -> {
          Community c = (Community) w[0];
          DataSet.Building b = (DataSet.Building) w[1];
          ObjectNode body =
              Http.object()
                  .put("communityId", state.community(c.index()).id)
                  .put("name", b.name())
                  .put("units", b.units())
                  .put("address", c.name() + " " + b.number() + "号");
          String id =
              http.post(http.branches.resolve("/api/v1/buildings"), body).path("id").asText();
          ids.put(c.index() + "/" + b.number(), id);
        });
    for (Community c : communities) {
      for (DataSet.Building b : c.buildings()) {
        state.community(c.index()).buildings.put(b.number(), ids.get(c.index() + "/" + b.number()));
      }
    }
  }

  private void awaitBuildingsKnown(List<Community> communities) {
    Set<String> pending = ConcurrentHashMap.newKeySet();
    communities.forEach(c -> pending.addAll(state.community(c.index()).buildings.values()));
    await(
        "members-service to know every building",
        () -> {
          http.parallel(
              List.copyOf(pending),
              id -> {
                if (http.send(
                        "GET",
                        http.members.resolve("/api/v1/reference/buildings/" + id),
                        null,
                        null)
                    .ok()) {
                  pending.remove(id);
                }
              });
          return pending.isEmpty() ? null : pending.size() + " buildings unknown";
        });
  }

  // ----------------------------------------------------------------- members

  private int importMembers(Community c) {
    CommunityIds ids = state.community(c.index());
    String csv = DataSet.csv(c.allMembers(), m -> ids.buildings.get(m.building()));
    URI uri = http.members.resolve("/api/v1/members/import");
    Http.Reply reply = http.send("POST", uri, "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    JsonNode json = Http.ok("POST", uri, null, reply);
    int imported = json.path("imported").asInt();
    if (imported != c.members()) {
      throw new IllegalStateException("import of " + c.name() + " answered " + json);
    }
    return imported;
  }

  private void awaitCounts(List<Community> communities) {
    for (Community c : communities) {
      URI uri =
          http.branches.resolve(
              "/api/v1/communities/" + state.community(c.index()).id + "/branch-eligibility");
      await(
          "branches-service to count the residents of " + c.name(),
          () -> {
            long counted = http.get(uri).path("members").asLong();
            return counted == c.members() ? null : counted + " of " + c.members() + " counted";
          });
    }
  }

  // ----------------------------------------------------------------- branches

  private void establishBranches(List<Community> communities) {
    List<Object[]> work = new ArrayList<>();
    for (Community c : communities) {
      c.branches().forEach(b -> work.add(new Object[] {c, b}));
    }
    Map<String, BranchIds> made = new ConcurrentHashMap<>();
    http.parallel(
        work,
        w -> {
          Community c = (Community) w[0];
          DataSet.Branch plan = (DataSet.Branch) w[1];
          CommunityIds ids = state.community(c.index());
          ObjectNode body =
              Http.object()
                  .put("communityId", ids.id)
                  .put("name", plan.name())
                  .put("kind", plan.kind())
                  .put("establishedOn", "2024-01-01");
          ArrayNode buildings = body.putArray("buildingIds");
          plan.buildings().forEach(n -> buildings.add(ids.buildings.get(n)));
          BranchIds b = new BranchIds();
          b.id = http.post(http.branches.resolve("/api/v1/branches"), body).path("id").asText();
          b.name = plan.name();
          b.buildings.addAll(plan.buildings());
          made.put(c.index() + "/" + plan.name(), b);
        });
    for (Community c : communities) {
      for (DataSet.Branch plan : c.branches()) {
        state.community(c.index()).branches.add(made.get(c.index() + "/" + plan.name()));
      }
    }
  }

  private void awaitRosters(List<Community> communities) {
    Map<BranchIds, Integer> pending = new ConcurrentHashMap<>();
    for (Community c : communities) {
      CommunityIds ids = state.community(c.index());
      for (int i = 0; i < c.branches().size(); i++) {
        DataSet.Branch plan = c.branches().get(i);
        int expected =
            c.buildings().stream()
                .filter(b -> plan.buildings().contains(b.number()))
                .mapToInt(b -> b.members().size())
                .sum();
        pending.put(ids.branches.get(i), expected);
      }
    }
    await(
        "activities-service to have every roster (RosterChanged)",
        () -> {
          http.parallel(
              List.copyOf(pending.keySet()),
              b -> {
                Http.Reply reply =
                    http.send(
                        "GET",
                        http.activities.resolve("/api/v1/branches/" + b.id + "/roster"),
                        null,
                        null);
                if (!reply.ok()) {
                  return; // 404 until BranchEstablished has arrived
                }
                JsonNode roster = reply.json();
                List<State.RosterMember> members = new ArrayList<>();
                boolean households = true;
                for (JsonNode r : roster) {
                  households &= r.hasNonNull("householdId");
                  members.add(
                      new State.RosterMember(
                          r.path("memberId").asText(),
                          r.path("householdId").asText(),
                          r.path("buildingId").asText()));
                }
                if (households && members.size() == pending.get(b)) {
                  b.roster = members;
                  pending.remove(b);
                }
              });
          return pending.isEmpty() ? null : pending.size() + " rosters incomplete";
        });
  }

  // ----------------------------------------------------------------- meetings and visits

  /** Monthly theme days (主题党日) and quarterly members' meetings, with attendance. */
  private int[] meetings(List<Community> communities, int months) {
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    YearMonth current = YearMonth.from(now);
    List<Object[]> work = new ArrayList<>();
    for (Community c : communities) {
      for (BranchIds b : state.community(c.index()).branches) {
        for (int back = months - 1; back >= 0; back--) {
          YearMonth m = current.minusMonths(back);
          work.add(
              new Object[] {b, "THEME_DAY", m.atDay(6).atTime(LocalTime.of(9, 0)).atZone(ZONE)});
          if (m.getMonthValue() % 3 == 0) {
            work.add(
                new Object[] {
                  b, "BRANCH_MEMBERS_MEETING", m.atDay(15).atTime(LocalTime.of(9, 0)).atZone(ZONE)
                });
          }
        }
      }
    }
    work.removeIf(w -> !((ZonedDateTime) w[2]).plusHours(2).isBefore(now));
    AtomicInteger entries = new AtomicInteger();
    http.parallel(
        work,
        w -> {
          BranchIds b = (BranchIds) w[0];
          String type = (String) w[1];
          ZonedDateTime starts = (ZonedDateTime) w[2];
          ObjectNode body =
              Http.object()
                  .put("branchId", b.id)
                  .put("type", type)
                  .put("title", type.equals("THEME_DAY") ? "主题党日" : "支部党员大会")
                  .put("startsAt", starts.toOffsetDateTime().toString())
                  .put("endsAt", starts.plusMinutes(90).toOffsetDateTime().toString())
                  .put("place", "楼道党员之家");
          JsonNode activity = http.post(http.activities.resolve("/api/v1/activities"), body);
          ObjectNode attendance = Http.object().put("version", activity.path("version").asLong());
          ArrayNode list = attendance.putArray("entries");
          Random r = new Random(b.id.hashCode() * 31L + starts.toEpochSecond());
          for (State.RosterMember m : b.roster) {
            int roll = r.nextInt(100);
            ObjectNode e = list.addObject().put("memberId", m.memberId);
            if (roll < 80) {
              e.put("attendance", "PRESENT");
            } else if (roll < 94) {
              e.put("attendance", "ON_LEAVE").put("reason", "身体不适");
            } else {
              e.put("attendance", "ABSENT");
            }
          }
          http.put(
              http.activities.resolve(
                  "/api/v1/activities/" + activity.path("id").asText() + "/attendance"),
              attendance);
          entries.addAndGet(list.size());
        });
    return new int[] {work.size(), entries.get()};
  }

  /**
   * Monthly household visits (走访): the last {@code monthsSmall} months for community 0, the current
   * month for the others; 85% of the households each month.
   */
  private int visits(List<Community> communities, int monthsSmall) {
    ZonedDateTime now = ZonedDateTime.now(ZONE);
    YearMonth current = YearMonth.from(now);
    List<ObjectNode> bodies = new ArrayList<>();
    for (Community c : communities) {
      int months = c.index() == 0 ? monthsSmall : 1;
      for (BranchIds b : state.community(c.index()).branches) {
        Set<String> households = new LinkedHashSet<>();
        b.roster.forEach(m -> households.add(m.householdId));
        String visitor = b.roster.get(0).memberId;
        for (int back = months - 1; back >= 0; back--) {
          YearMonth month = current.minusMonths(back);
          for (String household : households) {
            if (random.nextInt(100) >= 85) {
              continue;
            }
            ZonedDateTime at = visitTime(month, now, random);
            if (at == null) {
              continue;
            }
            bodies.add(
                Http.object()
                    .put("householdId", household)
                    .put("branchId", b.id)
                    .put("visitorMemberId", visitor)
                    .put("visitedAt", at.toOffsetDateTime().toString())
                    .put("kind", "ROUTINE")
                    .put("notes", "身体状况良好，生活正常")
                    .put("followUpNeeded", false));
          }
        }
      }
    }
    Collections.shuffle(bodies, random);
    http.parallel(bodies, body -> http.post(http.activities.resolve("/api/v1/visits"), body));
    return bodies.size();
  }

  /**
   * When a visit of {@code month} took place: a day of the month up to today, between 9:00 and
   * 17:00, and at least 10 minutes ago. A time drawn that is still ahead (later today) becomes any
   * earlier moment of the month instead of no visit, so the current month has its visits whatever
   * the date of the run: on the 1st nearly every daytime is still ahead, and the runs of sessions
   * 11 and 13, both on the 1st, loaded none. Null only in the month's first 10 minutes.
   */
  static ZonedDateTime visitTime(YearMonth month, ZonedDateTime now, Random random) {
    ZonedDateTime latest = now.minusMinutes(10);
    ZonedDateTime start = month.atDay(1).atStartOfDay(ZONE);
    boolean current = YearMonth.from(now).equals(month);
    int lastDay = current ? now.getDayOfMonth() : month.lengthOfMonth();
    ZonedDateTime at =
        month
            .atDay(1 + random.nextInt(lastDay))
            .atTime(LocalTime.of(9 + random.nextInt(8), random.nextInt(4) * 15))
            .atZone(ZONE);
    if (at.isBefore(latest)) {
      return at;
    }
    long window = Duration.between(start, latest).toSeconds();
    return window <= 0 ? null : start.plusSeconds((long) (random.nextDouble() * window));
  }

  // ----------------------------------------------------------------- helpers

  static long await(String what, Supplier<String> check) {
    return await(what, 1800, check);
  }

  /** Polls until {@code check} returns null; it returns what it still waits for. */
  static long await(String what, int timeoutSeconds, Supplier<String> check) {
    long started = System.nanoTime();
    long deadline = started + timeoutSeconds * 1_000_000_000L;
    while (true) {
      String waiting = check.get();
      if (waiting == null) {
        return (System.nanoTime() - started) / 1_000_000;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Timed out after " + timeoutSeconds + " s waiting for " + what + ": " + waiting);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
