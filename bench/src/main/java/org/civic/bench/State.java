package org.civic.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the loader created (ids), kept in the run directory between the harness' steps. */
public final class State {
  public String street;
  public String month;
  public List<CommunityIds> communities = new ArrayList<>();

  public static final class CommunityIds {
    public int index;
    public String id;
    public Map<Integer, String> buildings = new LinkedHashMap<>();
    public List<BranchIds> branches = new ArrayList<>();
  }

  public static final class BranchIds {
    public String id;
    public String name;
    public List<Integer> buildings = new ArrayList<>();
    public List<RosterMember> roster = new ArrayList<>();
  }

  public static final class RosterMember {
    public String memberId;
    public String householdId;
    public String buildingId;

    public RosterMember() {}

    RosterMember(String memberId, String householdId, String buildingId) {
      this.memberId = memberId;
      this.householdId = householdId;
      this.buildingId = buildingId;
    }
  }

  CommunityIds community(int index) {
    return communities.stream().filter(c -> c.index == index).findFirst().orElse(null);
  }

  List<BranchIds> allBranches() {
    List<BranchIds> all = new ArrayList<>();
    communities.forEach(c -> all.addAll(c.branches));
    return all;
  }

  static State read(Path file) {
    if (!Files.isRegularFile(file)) {
      return new State();
    }
    try {
      return Http.JSON.readValue(file.toFile(), State.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Http.JSON
          .writer()
          .without(SerializationFeature.INDENT_OUTPUT)
          .writeValue(file.toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
