package org.civic.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.civic.bench.State.BranchIds;
import org.civic.bench.State.CommunityIds;

/**
 * Bulk import of N new members (xlsx, one request) into buildings already covered by branches, then
 * the time until all three services agree: branches-service counts them, activities-service has
 * them on the rosters, members-service knows their branch (from RosterChanged).
 */
final class ImportScenario {
  private final Bench.Context ctx;
  private final Http http;
  private final State state;

  ImportScenario(Bench.Context ctx, Http http, State state) {
    this.ctx = ctx;
    this.http = http;
    this.state = state;
  }

  Map<String, Object> run(int rows) {
    // Where the rows go: round-robin over every covered building of the street.
    Map<String, BranchIds> branchOf = new HashMap<>();
    List<String> buildings = new ArrayList<>();
    Map<String, String> communityOf = new HashMap<>();
    for (CommunityIds c : state.communities) {
      for (BranchIds b : c.branches) {
        for (int n : b.buildings) {
          String id = c.buildings.get(n);
          branchOf.put(id, b);
          buildings.add(id);
          communityOf.put(id, c.id);
        }
      }
    }
    Random random = new Random(DataSet.SEED + 23);
    List<DataSet.Member> members = new ArrayList<>();
    List<String> target = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      String building = buildings.get(i % buildings.size());
      members.add(DataSet.member(random, 0, Integer.toString(1 + i % 2), "I" + i));
      target.add(building);
    }
    long t = System.nanoTime();
    byte[] xlsx = xlsx(members, target);
    double buildSeconds = (System.nanoTime() - t) / 1e9;
    ctx.say("  built %d-row xlsx (%d bytes) in %.1f s", rows, xlsx.length, buildSeconds);

    // What each service shows before, and must show after.
    ctx.say("  reading what the services show before the import...");
    Map<BranchIds, Long> expectRoster = new ConcurrentHashMap<>();
    Map<BranchIds, Long> expectMembers = new ConcurrentHashMap<>();
    List<BranchIds> branches = state.allBranches();
    http.parallel(
        branches,
        b -> {
          expectRoster.put(b, (long) activitiesRoster(b));
          expectMembers.put(b, membersOfBranch(b));
        });
    Map<String, Long> expectCounts = new ConcurrentHashMap<>();
    http.parallel(state.communities, c -> expectCounts.put(c.id, counted(c.id)));
    for (String building : target) {
      BranchIds b = branchOf.get(building);
      expectRoster.merge(b, 1L, Long::sum);
      expectMembers.merge(b, 1L, Long::sum);
      expectCounts.merge(communityOf.get(building), 1L, Long::sum);
    }

    long started = System.nanoTime();
    URI uri = http.members.resolve("/api/v1/members/import");
    Http.Reply reply =
        http.send(
            "POST", uri, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx);
    long answered = System.nanoTime();
    int imported = Http.ok("POST", uri, null, reply).path("imported").asInt();
    if (imported != rows) {
      throw new IllegalStateException("import answered " + reply.body());
    }
    double importSeconds = (answered - started) / 1e9;
    ctx.say("  import answered after %.1f s", importSeconds);

    Map<String, Double> agreed = new ConcurrentHashMap<>();
    Map<String, Long> pendingCounts = new ConcurrentHashMap<>(expectCounts);
    Map<BranchIds, Long> pendingRoster = new ConcurrentHashMap<>(expectRoster);
    Map<BranchIds, Long> pendingMembers = new ConcurrentHashMap<>(expectMembers);
    Loader.await(
        "all three services to agree on the import",
        1800,
        () -> {
          if (!pendingCounts.isEmpty()) {
            http.parallel(
                List.copyOf(pendingCounts.keySet()),
                c -> {
                  if (counted(c) == pendingCounts.get(c)) {
                    pendingCounts.remove(c);
                  }
                });
            if (pendingCounts.isEmpty()) {
              agreed.put(
                  "branches-service (resident counts)",
                  Stats.round((System.nanoTime() - answered) / 1e9));
            }
          }
          if (!pendingRoster.isEmpty()) {
            http.parallel(
                List.copyOf(pendingRoster.keySet()),
                b -> {
                  if (activitiesRoster(b) == pendingRoster.get(b)) {
                    pendingRoster.remove(b);
                  }
                });
            if (pendingRoster.isEmpty()) {
              agreed.put(
                  "activities-service (rosters)",
                  Stats.round((System.nanoTime() - answered) / 1e9));
            }
          }
          if (!pendingMembers.isEmpty()) {
            http.parallel(
                List.copyOf(pendingMembers.keySet()),
                b -> {
                  if (membersOfBranch(b) == pendingMembers.get(b)) {
                    pendingMembers.remove(b);
                  }
                });
            if (pendingMembers.isEmpty()) {
              agreed.put(
                  "members-service (each member's branch)",
                  Stats.round((System.nanoTime() - answered) / 1e9));
            }
          }
          return pendingCounts.isEmpty() && pendingRoster.isEmpty() && pendingMembers.isEmpty()
              ? null
              : String.format(
                  "%d communities, %d rosters, %d member-branch lists behind",
                  pendingCounts.size(), pendingRoster.size(), pendingMembers.size());
        });
    double all = (System.nanoTime() - answered) / 1e9;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("rows", rows);
    result.put("xlsxBytes", xlsx.length);
    result.put("importSeconds", Stats.round(importSeconds));
    result.put("agreedSecondsAfterImport", agreed);
    result.put("allAgreeSecondsAfterImport", Stats.round(all));
    result.put("rowsPerSecond", Stats.round(rows / importSeconds));
    result.put(
        "note",
        "agreement is polled in sweeps over every branch and community (a sweep takes a few"
            + " hundred ms), so it is an upper bound");
    return result;
  }

  private int activitiesRoster(BranchIds b) {
    return http.get(http.activities.resolve("/api/v1/branches/" + b.id + "/roster")).size();
  }

  private long membersOfBranch(BranchIds b) {
    return http.get(http.members.resolve("/api/v1/members?size=1&branchId=" + b.id))
        .path("total")
        .asLong();
  }

  private long counted(String community) {
    return http.get(
            http.branches.resolve("/api/v1/communities/" + community + "/branch-eligibility"))
        .path("members")
        .asLong();
  }

  private static byte[] xlsx(List<DataSet.Member> members, List<String> buildings) {
    try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
      Sheet sheet = workbook.createSheet("members");
      Row header = sheet.createRow(0);
      List<String> names = DataSet.header();
      for (int i = 0; i < names.size(); i++) {
        header.createCell(i).setCellValue(names.get(i));
      }
      for (int r = 0; r < members.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = DataSet.row(members.get(r), buildings.get(r));
        for (int i = 0; i < cells.size(); i++) {
          row.createCell(i).setCellValue(cells.get(i));
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbook.write(out);
      workbook.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
