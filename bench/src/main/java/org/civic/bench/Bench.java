package org.civic.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civic.bench.State.BranchIds;
import org.civic.bench.State.CommunityIds;
import org.civic.localinfra.security.JwtKeys;
import org.civic.localinfra.security.Tokens;

/**
 * The Java side of bench/run.sh. Subcommands (all write JSON results into the run directory):
 *
 * <pre>
 *   load --phase small|rest   the data set, community 0 alone ("small") or the others ("rest")
 *   drain NAME                wait until outboxes are empty and consumers caught up
 *   relocations N [W]         the relocation → rosters → visit plan flow, N times after W
 *                             warm-up moves (default 0), timed apart
 *   import N                  bulk import of N members (xlsx) and the time until all agree
 *   report OUT.md             docs/performance.md from the results
 *   token                     prints the STREET_ADMIN token the harness uses
 * </pre>
 *
 * Options come as system properties: bench.root (repository), bench.dir (run directory),
 * bench.communities, bench.members, bench.buildingsPerCommunity, bench.meetingMonths,
 * bench.visitMonths, bench.kafka.
 */
public final class Bench {
  /** The street every token of the harness is bound to (as in the demo and the tests). */
  static final UUID STREET = Tokens.DEMO_STREET;

  /** Paths, settings and tokens shared by the subcommands. */
  static final class Context {
    final Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    final Path dir =
        Path.of(System.getProperty("bench.dir", root.resolve("bench/target/run").toString()))
            .toAbsolutePath();
    final Path results = dir.resolve("results");
    final Path ids = dir.resolve("ids");

    int intProperty(String name, int fallback) {
      return Integer.parseInt(System.getProperty("bench." + name, Integer.toString(fallback)));
    }

    String streetAdminToken(String street) {
      return Tokens.mint(
          JwtKeys.loadOrCreate(root.resolve(".local/jwt")).getPrivate(),
          "bench",
          "STREET_ADMIN",
          UUID.fromString(street),
          null,
          Duration.ofHours(12));
    }

    /** The token wrk and curl use: bound to the street as created. */
    void writeToken(String token) {
      write(dir.resolve("token.jwt"), token);
    }

    String token() {
      Path file = dir.resolve("token.jwt");
      if (Files.isRegularFile(file)) {
        try {
          return Files.readString(file).trim();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return streetAdminToken(STREET.toString());
    }

    void result(String name, Map<String, Object> json) {
      try {
        Files.createDirectories(results);
        Http.JSON
            .writer()
            .with(SerializationFeature.INDENT_OUTPUT)
            .writeValue(results.resolve(name + ".json").toFile(), json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void say(String format, Object... args) {
      System.out.printf("[bench] " + format + "%n", args);
    }

    Path stateFile() {
      return dir.resolve("state.json");
    }
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: Bench load|drain|relocations|import|report|token ...");
      System.exit(2);
    }
    Context ctx = new Context();
    Files.createDirectories(ctx.dir);
    switch (args[0]) {
      case "token" -> System.out.println(ctx.token());
      case "dataset" -> describe(dataSet(ctx));
      case "load" -> load(ctx, args.length > 1 ? args[args.length - 1] : "small");
      case "drain" -> drain(ctx, args.length > 1 ? args[1] : "drain");
      case "relocations" ->
          relocations(
              ctx, Integer.parseInt(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 0);
      case "import" -> importMembers(ctx, Integer.parseInt(args[1]));
      case "report" -> new Report(ctx).write(Path.of(args[1]));
      default -> {
        System.err.println("unknown subcommand " + args[0]);
        System.exit(2);
      }
    }
    System.exit(0); // HTTP client and Kafka admin threads
  }

  private static DataSet dataSet(Context ctx) {
    return DataSet.generate(
        ctx.intProperty("communities", 20),
        ctx.intProperty("buildingsPerCommunity", 30),
        ctx.intProperty("members", 12_000));
  }

  private static void describe(DataSet data) {
    for (DataSet.Community c : data.communities) {
      System.out.printf(
          "%s: %d buildings, %d members, %d households, %d branches (%d joint), biggest %d%n",
          c.name(),
          c.buildings().size(),
          c.members(),
          c.allMembers().stream().map(DataSet.Member::address).distinct().count(),
          c.branches().size(),
          c.branches().stream().filter(b -> b.kind().equals("JOINT_BRANCH")).count(),
          c.branches().stream()
              .mapToInt(
                  b ->
                      c.buildings().stream()
                          .filter(x -> b.buildings().contains(x.number()))
                          .mapToInt(x -> x.members().size())
                          .sum())
              .max()
              .orElse(0));
    }
    System.out.printf(
        "street: %d members, %d buildings, %d households, %d branches%n",
        data.members(), data.buildings(), data.households(), data.branches());
  }

  private static void load(Context ctx, String phase) {
    DataSet data = dataSet(ctx);
    State state = State.read(ctx.stateFile());
    state.month = YearMonth.now(Loader.ZONE).toString();
    boolean small = phase.equals("small");
    int from = small ? 0 : 1;
    int to = small ? 1 : data.communities.size();
    ctx.say(
        "loading %s: communities %d..%d of a street of %d members, %d buildings, %d households,"
            + " %d branches",
        phase, from + 1, to, data.members(), data.buildings(), data.households(), data.branches());
    Map<String, Object> result;
    try (Http http = new Http(ctx.token(), 6)) {
      Loader loader = new Loader(ctx, http, data, state);
      try {
        result =
            loader.load(
                from, to, ctx.intProperty("meetingMonths", 12), ctx.intProperty("visitMonths", 12));
      } finally {
        state.write(ctx.stateFile());
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("phase", phase);
    json.put("streetMembersAfter", small ? data.communities.get(0).members() : data.members());
    json.putAll(result);
    ctx.result("load-" + phase, json);
    writeIds(ctx, state);
  }

  /** Id lists for the wrk scripts (one per line) and the branch the bounded check reads. */
  private static void writeIds(Context ctx, State state) {
    List<String> members = new ArrayList<>();
    List<String> branches = new ArrayList<>();
    List<String> households = new ArrayList<>();
    List<String> buildings = new ArrayList<>();
    List<String> communities = new ArrayList<>();
    for (CommunityIds c : state.communities) {
      communities.add(c.id);
      buildings.addAll(c.buildings.values());
      for (BranchIds b : c.branches) {
        branches.add(b.id);
        if (b.roster.isEmpty()) {
          continue;
        }
        String visitor = b.roster.get(0).memberId;
        b.roster.stream()
            .map(r -> r.householdId)
            .distinct()
            .forEach(h -> households.add(h + " " + b.id + " " + visitor));
        b.roster.forEach(r -> members.add(r.memberId));
      }
    }
    write(ctx.ids.resolve("members.txt"), String.join("\n", members) + "\n");
    write(ctx.ids.resolve("branches.txt"), String.join("\n", branches) + "\n");
    write(ctx.ids.resolve("households.txt"), String.join("\n", households) + "\n");
    write(ctx.ids.resolve("buildings.txt"), String.join("\n", buildings) + "\n");
    write(ctx.ids.resolve("communities.txt"), String.join("\n", communities) + "\n");
    write(ctx.ids.resolve("month.txt"), state.month + "\n");
    BranchIds biggest =
        state.community(0).branches.stream()
            .max(Comparator.comparingInt(b -> b.roster.size()))
            .orElseThrow();
    write(ctx.ids.resolve("small-branch.txt"), biggest.id + "\n");
    write(ctx.ids.resolve("small-member.txt"), biggest.roster.get(0).memberId + "\n");
  }

  private static void drain(Context ctx, String name) {
    String kafka = System.getProperty("bench.kafka", "localhost:19092");
    try (Http http = new Http(ctx.token(), 2);
        Drain drain = new Drain(http, kafka)) {
      long started = System.nanoTime();
      long backlog = drain.outboxPending();
      long lag;
      try {
        lag = drain.consumerLag();
      } catch (Exception e) {
        lag = -1;
      }
      ctx.say("waiting for outboxes and consumers (backlog %d, lag %d)...", backlog, lag);
      drain.await(3600);
      double seconds = (System.nanoTime() - started) / 1e9;
      ctx.say("caught up after %.1f s", seconds);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("outboxBacklogAtStart", backlog);
      json.put("consumerLagAtStart", lag);
      json.put("seconds", Stats.round(seconds));
      ctx.result("drain-" + name, json);
    }
  }

  private static void relocations(Context ctx, int count, int warmUp) {
    State state = State.read(ctx.stateFile());
    try (Http http = new Http(ctx.token(), 2)) {
      Map<String, Object> result = new RelocationFlow(ctx, http, state).run(count, warmUp);
      ctx.result("relocation", result);
      ctx.say("relocation flow: %s", result.get("endToEnd"));
    }
  }

  private static void importMembers(Context ctx, int rows) {
    State state = State.read(ctx.stateFile());
    try (Http http = new Http(ctx.token(), 4)) {
      Map<String, Object> result = new ImportScenario(ctx, http, state).run(rows);
      ctx.result("import", result);
      ctx.say("import: %s", result);
    }
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
