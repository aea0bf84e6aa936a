package org.civic.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark street, generated from a seed: every run loads the same names, sizes and addresses.
 * Community 0 is deliberately small (300 members) so the harness can measure rosters and reports
 * once with only it loaded and once with the whole street.
 */
final class DataSet {
  static final long SEED = 20_261_120L;
  static final int SMALL_COMMUNITY_MEMBERS = 300;

  record Member(
      String name,
      String gender,
      LocalDate birthDate,
      String standing,
      LocalDate joinedOn,
      String category,
      List<String> specialties,
      int building,
      String unit,
      String room) {
    boolean full() {
      return "FULL".equals(standing);
    }

    String address() {
      return building + "-" + unit + "-" + room;
    }
  }

  record Building(int number, String name, int units, List<Member> members) {
    long full() {
      return members.stream().filter(Member::full).count();
    }
  }

  record Branch(String name, String kind, List<Integer> buildings) {}

  record Community(int index, String name, List<Building> buildings, List<Branch> branches) {
    int members() {
      return buildings.stream().mapToInt(b -> b.members().size()).sum();
    }

    List<Member> allMembers() {
      List<Member> all = new ArrayList<>();
      buildings.forEach(b -> all.addAll(b.members()));
      return all;
    }
  }

  final List<Community> communities;

  private DataSet(List<Community> communities) {
    this.communities = communities;
  }

  int members() {
    return communities.stream().mapToInt(Community::members).sum();
  }

  int buildings() {
    return communities.stream().mapToInt(c -> c.buildings().size()).sum();
  }

  long households() {
    return communities.stream()
        .mapToLong(c -> c.allMembers().stream().map(Member::address).distinct().count())
        .sum();
  }

  int branches() {
    return communities.stream().mapToInt(c -> c.branches().size()).sum();
  }

  static DataSet generate(int communities, int buildingsPerCommunity, int totalMembers) {
    Random random = new Random(SEED);
    int small = Math.min(SMALL_COMMUNITY_MEMBERS, totalMembers / communities);
    int[] sizes = new int[communities];
    sizes[0] = small;
    if (communities > 1) {
      int[] weights = new int[communities];
      int total = 0;
      for (int c = 1; c < communities; c++) {
        weights[c] = 8 + random.nextInt(5);
        total += weights[c];
      }
      int remaining = totalMembers - small;
      int given = 0;
      for (int c = 1; c < communities; c++) {
        sizes[c] = remaining * weights[c] / total;
        given += sizes[c];
      }
      for (int c = 1; given < remaining; c = c % (communities - 1) + 1) {
        sizes[c]++;
        given++;
      }
    }
    List<Community> list = new ArrayList<>();
    for (int c = 0; c < communities; c++) {
      list.add(community(random, c, buildingsPerCommunity, sizes[c]));
    }
    return new DataSet(List.copyOf(list));
  }

  private static Community community(Random random, int index, int buildingCount, int members) {
    // Two small buildings (2 members) per community need a joint branch; the rest share the
    // members by weight, at least 4 each.
    int[] sizes = new int[buildingCount];
    int[] weights = new int[buildingCount];
    int remaining = members;
    int totalWeight = 0;
    for (int b = 0; b < buildingCount; b++) {
      boolean tiny = b % 15 == 7;
      sizes[b] = tiny ? 2 : 4;
      remaining -= sizes[b];
      weights[b] = tiny ? 0 : 1 + random.nextInt(6);
      totalWeight += weights[b];
    }
    while (remaining > 0) {
      int pick = random.nextInt(totalWeight);
      for (int b = 0; b < buildingCount; b++) {
        pick -= weights[b];
        if (pick < 0) {
          sizes[b]++;
          remaining--;
          break;
        }
      }
    }
    List<Building> buildings = new ArrayList<>();
    for (int b = 0; b < buildingCount; b++) {
      int number = b + 1;
      int units = 2 + random.nextInt(4);
      buildings.add(
          new Building(number, number + "号楼", units, members(random, number, units, sizes[b])));
    }
    String name = String.format("压测%02d社区党委", index + 1);
    return new Community(index, name, List.copyOf(buildings), branches(buildings));
  }

  private static List<Member> members(Random random, int building, int units, int count) {
    List<Member> list = new ArrayList<>();
    Set<String> addresses = new HashSet<>();
    while (list.size() < count) {
      String unit;
      String room;
      do {
        unit = Integer.toString(1 + random.nextInt(units));
        room = (1 + random.nextInt(18)) + "0" + (1 + random.nextInt(4));
      } while (!addresses.add(unit + "-" + room));
      int roll = random.nextInt(100);
      int household = roll < 60 ? 1 : roll < 93 ? 2 : 3;
      for (int i = 0; i < household && list.size() < count; i++) {
        list.add(member(random, building, unit, room));
      }
    }
    return List.copyOf(list);
  }

  private static final String[] SURNAMES = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林",
    "罗"
  };
  private static final String[] GIVEN = {
    "建国", "秀兰", "国强", "桂英", "志华", "玉兰", "德明", "淑珍", "振华", "美华", "伟", "静", "磊", "丽", "强", "敏", "海涛",
    "晓燕", "文博", "雅琴"
  };
  private static final String[] TAGS = {
    "medical", "nursing", "repair", "electrician", "calligraphy", "law", "teaching", "patrol"
  };

  static Member member(Random random, int building, String unit, String room) {
    int roll = random.nextInt(100);
    String category = roll < 15 ? "RETIRED_CADRE" : roll < 80 ? "RETIRED" : "EMPLOYED";
    LocalDate birth =
        switch (category) {
          case "RETIRED_CADRE" -> LocalDate.of(1928 + random.nextInt(8), 1 + random.nextInt(12), 1);
          case "RETIRED" -> LocalDate.of(1940 + random.nextInt(25), 1 + random.nextInt(12), 1);
          default -> LocalDate.of(1970 + random.nextInt(30), 1 + random.nextInt(12), 1);
        };
    boolean full = random.nextInt(100) < 95;
    LocalDate joined = birth.plusYears(20 + random.nextInt(10));
    if (joined.isAfter(LocalDate.of(2024, 6, 1))) {
      joined = LocalDate.of(2020 + random.nextInt(4), 1 + random.nextInt(12), 1);
    }
    if (!full) {
      joined = LocalDate.of(2026, 1 + random.nextInt(6), 1);
    }
    List<String> tags =
        random.nextInt(100) < 30 ? List.of(TAGS[random.nextInt(TAGS.length)]) : List.of();
    String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    return new Member(
        name,
        random.nextBoolean() ? "MALE" : "FEMALE",
        birth,
        full ? "FULL" : "PROBATIONARY",
        joined,
        category,
        tags,
        building,
        unit,
        room);
  }

  /**
   * Building branches where a building has at least 3 full members; the others joined with their
   * neighbours into joint branches of 2 to 5 buildings (the rules of branches-service).
   */
  private static List<Branch> branches(List<Building> buildings) {
    List<Branch> list = new ArrayList<>();
    int i = 0;
    while (i < buildings.size()) {
      Building b = buildings.get(i);
      if (b.full() >= 3) {
        list.add(new Branch(b.name() + "党支部", "BUILDING_BRANCH", List.of(b.number())));
        i++;
        continue;
      }
      List<Building> group = new ArrayList<>(List.of(b));
      i++;
      while (i < buildings.size()
          && group.size() < 5
          && (group.size() < 2 || group.stream().mapToLong(Building::full).sum() < 3)) {
        group.add(buildings.get(i++));
      }
      if (group.size() >= 2 && group.stream().mapToLong(Building::full).sum() >= 3) {
        list.add(
            new Branch(
                group.get(0).number() + "-" + group.get(group.size() - 1).number() + "号楼联合党支部",
                "JOINT_BRANCH",
                group.stream().map(Building::number).toList()));
      } // else: left uncovered (only possible at the very end of the street)
    }
    return List.copyOf(list);
  }

  /** The members as the import sheet's rows (CSV header names), building ids filled in. */
  static List<String> header() {
    return List.of(
        "name",
        "gender",
        "birthDate",
        "standing",
        "joinedOn",
        "fullMemberOn",
        "category",
        "membershipHeld",
        "specialties",
        "buildingId",
        "unit",
        "room");
  }

  static List<String> row(Member m, String buildingId) {
    return List.of(
        m.name(),
        m.gender(),
        m.birthDate().toString(),
        m.standing(),
        m.joinedOn().toString(),
        m.full() ? m.joinedOn().plusYears(1).toString() : "",
        m.category(),
        "COMMUNITY",
        String.join(";", m.specialties()),
        buildingId,
        m.unit(),
        m.room());
  }

  static String csv(List<Member> members, java.util.function.Function<Member, String> buildingId) {
    StringBuilder csv = new StringBuilder(String.join(",", header())).append('\n');
    for (Member m : members) {
      csv.append(String.join(",", row(m, buildingId.apply(m)))).append('\n');
    }
    return csv.toString();
  }
}
