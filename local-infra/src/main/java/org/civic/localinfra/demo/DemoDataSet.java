package org.civic.localinfra.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo community, generated without any server: the worked example of DOMAIN.md (Jingongli
 * community, Zhonghuamen street): 32 buildings, 289 members (42 retired cadres 离休, 190 retirees 退休,
 * 57 employed 在职), more than 3 members in 30 of the buildings, and the 10 building branches
 * established over three years. A seeded {@link Random}: every run gives the same data.
 */
public record DemoDataSet(
    List<DemoBuilding> buildings, List<DemoMember> members, List<DemoBranch> branches) {

  public static final long SEED = 20_260_301L;
  public static final String STREET = "中华门街道党工委";

  /** The demo street's id: fixed, because the demo users' tokens are bound to it. */
  public static final java.util.UUID STREET_ID = org.civic.localinfra.security.Tokens.DEMO_STREET;

  public static final String COMMUNITY = "金贡里社区党委";
  public static final int BUILDINGS = 32;
  public static final int RETIRED_CADRES = 42;
  public static final int RETIREES = 190;
  public static final int EMPLOYED = 57;
  public static final int MEMBERS = RETIRED_CADRES + RETIREES + EMPLOYED;

  /** The two small buildings (3 members or fewer) of the worked example. */
  static final Map<Integer, Integer> SMALL_BUILDINGS = Map.of(14, 2, 29, 3);

  /** A residential building (宿舍楼), numbered 1 to 32. */
  public record DemoBuilding(int number, String name, int units, String address) {}

  /** One member of the register, in the import sheet's terms (enum names as strings). */
  public record DemoMember(
      String name,
      String gender,
      LocalDate birthDate,
      String ethnicity,
      String phone,
      String standing,
      LocalDate joinedOn,
      LocalDate fullMemberOn,
      String category,
      String membershipHeld,
      String membershipOrganisation,
      String workUnit,
      String position,
      List<String> specialties,
      int building,
      String unit,
      String room) {

    public boolean full() {
      return "FULL".equals(standing);
    }

    /** The household key: one household per address. */
    public String address() {
      return building + "-" + unit + "-" + room;
    }
  }

  /** A branch to establish, with its first committee's election method. */
  public record DemoBranch(
      String name,
      String kind,
      List<Integer> buildings,
      LocalDate establishedOn,
      String electionMethod) {}

  public static DemoDataSet generate() {
    return generate(SEED);
  }

  public static DemoDataSet generate(long seed) {
    return new Generator(new Random(seed)).run();
  }

  public Map<String, Long> countByCategory() {
    return members.stream()
        .collect(
            Collectors.groupingBy(DemoMember::category, LinkedHashMap::new, Collectors.counting()));
  }

  public Map<Integer, List<DemoMember>> membersByBuilding() {
    Map<Integer, List<DemoMember>> map = new LinkedHashMap<>();
    buildings.forEach(b -> map.put(b.number(), new ArrayList<>()));
    members.forEach(m -> map.get(m.building()).add(m));
    return map;
  }

  public long fullMembersIn(int building) {
    return members.stream().filter(m -> m.building() == building && m.full()).count();
  }

  public List<DemoMember> membersOf(DemoBranch branch) {
    return members.stream().filter(m -> branch.buildings().contains(m.building())).toList();
  }

  public long households() {
    return members.stream().map(DemoMember::address).distinct().count();
  }

  /** The members as the members-service import sheet (CSV, UTF-8, English headers). */
  public String csv(Map<Integer, UUID> buildingIds) {
    StringBuilder csv =
        new StringBuilder(
            "name,gender,birthDate,ethnicity,phone,standing,joinedOn,fullMemberOn,category,"
                + "membershipHeld,membershipOrganisation,workUnit,position,specialties,"
                + "buildingId,unit,room\n");
    for (DemoMember m : members) {
      List<Object> cells =
          Arrays.asList(
              m.name(),
              m.gender(),
              m.birthDate(),
              m.ethnicity(),
              m.phone(),
              m.standing(),
              orEmpty(m.joinedOn()),
              orEmpty(m.fullMemberOn()),
              m.category(),
              m.membershipHeld(),
              orEmpty(m.membershipOrganisation()),
              orEmpty(m.workUnit()),
              orEmpty(m.position()),
              String.join(";", m.specialties()),
              buildingIds.get(m.building()),
              m.unit(),
              m.room());
      csv.append(cells.stream().map(c -> cell(String.valueOf(c))).collect(Collectors.joining(",")))
          .append('\n');
    }
    return csv.toString();
  }

  private static Object orEmpty(Object value) {
    return value == null ? "" : value;
  }

  private static String cell(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  private static final class Generator {
    private static final String[] SURNAMES = {
      "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高",
      "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "田", "董", "袁", "潘",
      "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟",
      "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "傅", "方", "白", "邹", "孟", "熊", "秦", "邱",
      "江", "尹", "薛", "段", "雷", "侯", "史", "陶", "顾", "毛", "龚", "邵", "钱", "严", "戴", "孔", "汤", "葛"
    };
    // The most common surnames come up more often (the first 20 twice as likely).
    private static final int COMMON_SURNAMES = 20;

    private static final String[] OLD_MALE = {
      "建国", "国强", "志华", "德明", "振华", "永康", "国庆", "卫东", "建华", "长林", "福生", "文斌", "为民",
      "树林", "连生", "保国", "明远", "学文", "炳坤", "世昌", "家骏", "金宝", "荣发", "广才", "正清", "继光",
      "鸿钧", "绍林", "启明", "德胜"
    };
    private static final String[] OLD_FEMALE = {
      "秀兰", "桂英", "秀英", "玉兰", "凤英", "桂兰", "淑珍", "素珍", "秀珍", "玉珍", "翠英", "美华", "丽华",
      "月娥", "惠芳", "淑英", "兰英", "秀芳", "佩珍", "文娟", "爱华", "瑞芬", "素梅", "宝珠", "金凤", "巧云",
      "惠琴", "荷英"
    };
    private static final String[] YOUNG_MALE = {
      "伟", "磊", "强", "军", "勇", "涛", "斌", "超", "鹏", "浩", "宇", "杰", "俊杰", "志强", "建军", "海涛", "晓东",
      "文博", "子豪", "昊天", "建平", "晨", "亮", "明", "一鸣", "思远", "嘉豪", "立新"
    };
    private static final String[] YOUNG_FEMALE = {
      "静", "丽", "敏", "燕", "艳", "娟", "婷", "雪", "晶", "倩", "慧", "颖", "晓燕", "丽娟", "雅琴", "梦瑶", "思琪",
      "欣怡", "佳慧", "海燕", "玲", "蕾", "晓红", "春梅", "文静", "雨萱"
    };

    private record Job(
        String workUnit, String position, String membershipOrganisation, List<String> tags) {}

    private static final List<Job> EMPLOYED_JOBS =
        List.of(
            new Job("南京市第一医院", "医生", "南京市第一医院党委", List.of("medical")),
            new Job("秦淮区人民医院", "护士", "秦淮区人民医院党总支", List.of("nursing", "medical")),
            new Job("秦淮区人民法院", "法官", "秦淮区人民法院机关党委", List.of("law")),
            new Job("江苏金陵律师事务所", "律师", "秦淮区律师行业党委", List.of("law")),
            new Job("南京供电公司", "电气工程师", "国网南京供电公司党委", List.of("electrician", "repair")),
            new Job("南京地铁集团", "设备维修技师", "南京地铁集团运营分公司党委", List.of("repair")),
            new Job("南京市第十二中学", "教师", "南京市第十二中学党支部", List.of("teaching")),
            new Job("中华门小学", "教师", "秦淮区教育局机关党委", List.of("teaching", "calligraphy")),
            new Job("秦淮区税务局", "科员", "秦淮区税务局机关党委", List.of("accounting")),
            new Job("南京银行城南支行", "会计", "南京银行党委", List.of("accounting")),
            new Job("东南大学", "讲师", "东南大学机关党委", List.of("teaching", "writing")),
            new Job("南京日报社", "记者", "南京报业传媒集团党委", List.of("writing", "photography")),
            new Job("秦淮区城市管理局", "科员", "秦淮区城市管理局党组", List.of()),
            new Job("中国移动南京分公司", "网络工程师", "中国移动南京分公司党委", List.of("computer")),
            new Job("南京市公安局秦淮分局", "民警", "南京市公安局秦淮分局党委", List.of("security", "patrol")),
            new Job("金陵饭店", "经理", "金陵饭店集团党委", List.of()),
            new Job("南京熊猫电子集团", "工程师", "南京熊猫电子集团党委", List.of("appliance", "repair")));

    private static final List<Job> FORMER_JOBS =
        List.of(
            new Job("原南京无线电厂", "技术员", null, List.of("appliance", "repair")),
            new Job("原南京第二机床厂", "钳工", null, List.of("repair")),
            new Job("原南京市鼓楼医院", "护士长", null, List.of("nursing", "medical")),
            new Job("原秦淮区中医院", "医生", null, List.of("medical", "health")),
            new Job("原南京市第三中学", "教师", null, List.of("teaching", "calligraphy")),
            new Job("原秦淮区司法局", "调解员", null, List.of("law")),
            new Job("原南京市商业局", "会计", null, List.of("accounting")),
            new Job("原南京化纤厂", "工人", null, List.of()),
            new Job("原南京长江大桥管理处", "职工", null, List.of("patrol")),
            new Job("原江苏省新华书店", "店员", null, List.of("writing")),
            new Job("原南京市园林局", "技术员", null, List.of("gardening")),
            new Job("原秦淮区房管所", "电工", null, List.of("electrician", "repair")),
            new Job("原南京市文化馆", "干部", null, List.of("painting", "calligraphy")),
            new Job("原南京钟表厂", "工人", null, List.of()),
            new Job("原秦淮区街道办事处", "干部", null, List.of("publicity")));

    private static final List<Job> CADRE_JOBS =
        List.of(
            new Job("原江苏省人民政府", "离休干部", null, List.of("calligraphy")),
            new Job("原南京市委机关", "离休干部", null, List.of("writing")),
            new Job("原南京军区", "离休干部", null, List.of()),
            new Job("原南京市卫生局", "离休干部", null, List.of("medical")),
            new Job("原江苏省教育厅", "离休干部", null, List.of("teaching")),
            new Job("原南京市总工会", "离休干部", null, List.of()));

    private static final List<String> HOBBIES =
        List.of(
            "calligraphy",
            "painting",
            "music",
            "chess",
            "taichi",
            "photography",
            "gardening",
            "cooking",
            "opera",
            "elder-care",
            "companionship",
            "sanitation",
            "patrol",
            "publicity");

    private final Random random;
    private final Set<String> names = new HashSet<>();

    Generator(Random random) {
      this.random = random;
    }

    DemoDataSet run() {
      List<DemoBuilding> buildings = new ArrayList<>();
      for (int n = 1; n <= BUILDINGS; n++) {
        buildings.add(new DemoBuilding(n, n + "号楼", 2 + random.nextInt(3), "金贡里" + n + "号"));
      }
      Map<Integer, Integer> sizes = buildingSizes();
      List<String> categories = new ArrayList<>();
      categories.addAll(Collections.nCopies(RETIRED_CADRES, "RETIRED_CADRE"));
      categories.addAll(Collections.nCopies(RETIREES, "RETIRED"));
      categories.addAll(Collections.nCopies(EMPLOYED, "EMPLOYED"));
      Collections.shuffle(categories, random);
      // A few probationary members (预备党员): recently joined, mostly employed.
      Set<Integer> probationary = new HashSet<>();
      List<Integer> employedSlots = new ArrayList<>();
      List<Integer> retiredSlots = new ArrayList<>();
      for (int i = 0; i < categories.size(); i++) {
        switch (categories.get(i)) {
          case "EMPLOYED" -> employedSlots.add(i);
          case "RETIRED" -> retiredSlots.add(i);
          default -> {} // retired cadres have been full members for decades
        }
      }
      Collections.shuffle(employedSlots, random);
      Collections.shuffle(retiredSlots, random);
      probationary.addAll(employedSlots.subList(0, 9));
      probationary.addAll(retiredSlots.subList(0, 2));

      List<DemoMember> members = new ArrayList<>();
      int slot = 0;
      for (DemoBuilding b : buildings) {
        Map<String, List<DemoMember>> households = new LinkedHashMap<>();
        for (int i = 0; i < sizes.get(b.number()); i++, slot++) {
          DemoMember m = member(b, categories.get(slot), probationary.contains(slot), households);
          households.computeIfAbsent(m.address(), k -> new ArrayList<>()).add(m);
          members.add(m);
        }
      }
      return new DemoDataSet(List.copyOf(buildings), List.copyOf(members), branches(members));
    }

    /** 2 and 3 members in the two small buildings, at least 4 in the other 30. */
    private Map<Integer, Integer> buildingSizes() {
      Map<Integer, Integer> sizes = new LinkedHashMap<>();
      Map<Integer, Integer> weights = new LinkedHashMap<>();
      int remaining = MEMBERS;
      for (int n = 1; n <= BUILDINGS; n++) {
        int size = SMALL_BUILDINGS.getOrDefault(n, 4);
        sizes.put(n, size);
        remaining -= size;
        if (!SMALL_BUILDINGS.containsKey(n)) {
          weights.put(n, 1 + random.nextInt(6));
        }
      }
      int totalWeight = weights.values().stream().mapToInt(Integer::intValue).sum();
      while (remaining > 0) {
        int pick = random.nextInt(totalWeight);
        for (Map.Entry<Integer, Integer> w : weights.entrySet()) {
          pick -= w.getValue();
          if (pick < 0) {
            if (sizes.get(w.getKey()) < 24) {
              sizes.merge(w.getKey(), 1, Integer::sum);
              remaining--;
            }
            break;
          }
        }
      }
      return sizes;
    }

    private DemoMember member(
        DemoBuilding b,
        String category,
        boolean probationary,
        Map<String, List<DemoMember>> households) {
      boolean young = category.equals("EMPLOYED");
      // Sometimes the member shares the address of another member of the same generation (a
      // couple, or a parent and grown-up child), so a household has several members.
      DemoMember partner = null;
      if (random.nextInt(100) < 30) {
        List<DemoMember> candidates =
            households.values().stream()
                .filter(h -> h.size() < 3)
                .map(h -> h.get(0))
                .filter(head -> head.category().equals("EMPLOYED") == young)
                .toList();
        if (!candidates.isEmpty()) {
          partner = candidates.get(random.nextInt(candidates.size()));
        }
      }
      String gender =
          partner != null
              ? (partner.gender().equals("MALE") ? "FEMALE" : "MALE")
              : (random.nextInt(100) < (young ? 50 : 46) ? "MALE" : "FEMALE");
      LocalDate birth = birthDate(category, partner);
      LocalDate joined = joinedOn(category, birth, probationary);
      Job job = job(category);
      List<String> tags = new ArrayList<>();
      if (!job.tags().isEmpty() && random.nextInt(100) < 55) {
        tags.addAll(job.tags());
      }
      if (random.nextInt(100) < 22) {
        String hobby = HOBBIES.get(random.nextInt(HOBBIES.size()));
        if (!tags.contains(hobby)) {
          tags.add(hobby);
        }
      }
      boolean employer = young && random.nextInt(100) < 75;
      String unit;
      String room;
      if (partner != null) {
        unit = partner.unit();
        room = partner.room();
      } else {
        Set<String> taken = households.keySet();
        do {
          unit = Integer.toString(1 + random.nextInt(b.units()));
          room = (1 + random.nextInt(6)) + "0" + (1 + random.nextInt(2));
        } while (taken.contains(b.number() + "-" + unit + "-" + room));
      }
      return new DemoMember(
          name(gender, !young && birth.getYear() < 1968),
          gender,
          birth,
          ethnicity(),
          "1" + (new int[] {33, 35, 38, 39, 51, 58, 77, 89})[random.nextInt(8)] + digits(8),
          probationary ? "PROBATIONARY" : "FULL",
          joined,
          probationary ? null : joined.plusYears(1),
          category,
          employer ? "EMPLOYER" : "COMMUNITY",
          employer ? job.membershipOrganisation() : null,
          job.workUnit(),
          job.position(),
          List.copyOf(tags),
          b.number(),
          unit,
          room);
    }

    private LocalDate birthDate(String category, DemoMember partner) {
      if (partner != null && !category.equals("RETIRED_CADRE")) {
        LocalDate near = partner.birthDate().plusDays(random.nextInt(6 * 365) - 3 * 365);
        LocalDate[] range = birthRange(category);
        if (!near.isBefore(range[0]) && !near.isAfter(range[1])) {
          return near;
        }
      }
      LocalDate[] range = birthRange(category);
      long days = range[1].toEpochDay() - range[0].toEpochDay();
      return range[0].plusDays((long) (random.nextDouble() * days));
    }

    private static LocalDate[] birthRange(String category) {
      return switch (category) {
        case "RETIRED_CADRE" ->
            new LocalDate[] {LocalDate.of(1925, 1, 1), LocalDate.of(1930, 12, 31)};
        case "RETIRED" -> new LocalDate[] {LocalDate.of(1940, 1, 1), LocalDate.of(1965, 12, 31)};
        default -> new LocalDate[] {LocalDate.of(1968, 1, 1), LocalDate.of(1998, 12, 31)};
      };
    }

    private LocalDate joinedOn(String category, LocalDate birth, boolean probationary) {
      if (probationary) {
        // Joined within the last year (fixed dates, so the data does not depend on the clock).
        return LocalDate.of(2025, 11, 1).plusDays(random.nextInt(300));
      }
      LocalDate earliest = birth.plusYears(18).plusDays(1);
      LocalDate latest =
          switch (category) {
            // 离休: took part in the revolution before the founding of the PRC (1949-10-01).
            case "RETIRED_CADRE" -> LocalDate.of(1949, 9, 30);
            case "RETIRED" -> birth.plusYears(45);
            default -> birth.plusYears(40);
          };
      if (latest.isAfter(LocalDate.of(2024, 6, 30))) {
        latest = LocalDate.of(2024, 6, 30);
      }
      if (category.equals("RETIRED") || category.equals("EMPLOYED")) {
        earliest = birth.plusYears(20);
      }
      long days = Math.max(1, latest.toEpochDay() - earliest.toEpochDay());
      return earliest.plusDays((long) (random.nextDouble() * days));
    }

    private Job job(String category) {
      List<Job> jobs =
          switch (category) {
            case "RETIRED_CADRE" -> CADRE_JOBS;
            case "RETIRED" -> FORMER_JOBS;
            default -> EMPLOYED_JOBS;
          };
      return jobs.get(random.nextInt(jobs.size()));
    }

    private String ethnicity() {
      int r = random.nextInt(100);
      return r < 94 ? "汉族" : r < 98 ? "回族" : "满族";
    }

    private String digits(int n) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < n; i++) {
        s.append(random.nextInt(10));
      }
      return s.toString();
    }

    private String name(String gender, boolean older) {
      for (int attempt = 0; ; attempt++) {
        int s = random.nextInt(SURNAMES.length + COMMON_SURNAMES);
        String surname = SURNAMES[s < SURNAMES.length ? s : s - SURNAMES.length];
        String[] given =
            gender.equals("MALE")
                ? (older ? OLD_MALE : YOUNG_MALE)
                : (older ? OLD_FEMALE : YOUNG_FEMALE);
        String name = surname + given[random.nextInt(given.length)];
        if (names.add(name)) {
          return name;
        }
        if (attempt > 1000) {
          throw new IllegalStateException("Ran out of names");
        }
      }
    }

    /**
     * The 10 branches established over three years: the 7 buildings with most members got their own
     * branch (樓幢党支部); the two small buildings joined their neighbours in joint branches (联合支部), and
     * two more neighbouring buildings share a third joint branch. The other buildings are not
     * covered yet (the eligibility report shows them as the next step).
     */
    private List<DemoBranch> branches(List<DemoMember> members) {
      Map<Integer, Long> total =
          members.stream()
              .collect(Collectors.groupingBy(DemoMember::building, Collectors.counting()));
      Map<Integer, Long> full =
          members.stream()
              .filter(DemoMember::full)
              .collect(Collectors.groupingBy(DemoMember::building, Collectors.counting()));
      Function<Integer, Long> fullIn = n -> full.getOrDefault(n, 0L);
      Set<Integer> used = new HashSet<>();
      List<Integer> own =
          total.keySet().stream()
              .filter(n -> !SMALL_BUILDINGS.containsKey(n) && fullIn.apply(n) >= 3)
              .sorted(
                  Comparator.comparing((Integer n) -> -total.get(n))
                      .thenComparing(Comparator.naturalOrder()))
              .limit(7)
              .toList();
      used.addAll(own);
      List<List<Integer>> joint = new ArrayList<>();
      List<Integer> small = SMALL_BUILDINGS.keySet().stream().sorted().toList();
      for (int i = 0; i < small.size(); i++) {
        int center = small.get(i);
        List<Integer> group = new ArrayList<>(List.of(center));
        used.add(center);
        int wanted = i == 0 ? 3 : 2;
        for (int d = 1; group.size() < wanted && d < BUILDINGS; d++) {
          for (int n : new int[] {center - d, center + d}) {
            if (group.size() < wanted && n >= 1 && n <= BUILDINGS && used.add(n)) {
              group.add(n);
            }
          }
        }
        Collections.sort(group);
        joint.add(group);
      }
      // The pair of neighbouring uncovered buildings with the fewest members.
      List<Integer> pair = null;
      for (int n = 1; n < BUILDINGS; n++) {
        if (!used.contains(n) && !used.contains(n + 1)) {
          if (pair == null
              || total.get(n) + total.get(n + 1)
                  < total.get(pair.get(0)) + total.get(pair.get(1))) {
            pair = List.of(n, n + 1);
          }
        }
      }
      joint.add(pair);

      List<LocalDate> dates =
          List.of(
              LocalDate.of(2023, 12, 20),
              LocalDate.of(2024, 3, 15),
              LocalDate.of(2024, 5, 28),
              LocalDate.of(2024, 7, 1),
              LocalDate.of(2024, 10, 12),
              LocalDate.of(2025, 1, 8),
              LocalDate.of(2025, 4, 22),
              LocalDate.of(2025, 7, 1),
              LocalDate.of(2025, 10, 16),
              LocalDate.of(2026, 3, 5));
      List<DemoBranch> branches = new ArrayList<>();
      int ownIndex = 0;
      int jointIndex = 0;
      // Order of founding: mostly building branches first, joint branches in between.
      String order = "BBJBBJBBJB";
      for (int i = 0; i < order.length(); i++) {
        String method = i == 4 ? "COMPETITIVE_ELECTION" : "NON_COMPETITIVE_ELECTION";
        if (order.charAt(i) == 'B') {
          int n = own.get(ownIndex++);
          branches.add(
              new DemoBranch(
                  "金贡里" + n + "号楼党支部", "BUILDING_BRANCH", List.of(n), dates.get(i), method));
        } else {
          List<Integer> group = joint.get(jointIndex++);
          String numbers = group.stream().map(String::valueOf).collect(Collectors.joining("、"));
          branches.add(
              new DemoBranch(
                  "金贡里" + numbers + "号楼联合党支部", "JOINT_BRANCH", group, dates.get(i), method));
        }
      }
      return List.copyOf(branches);
    }
  }
}
