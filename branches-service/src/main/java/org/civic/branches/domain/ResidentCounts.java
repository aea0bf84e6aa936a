package org.civic.branches.domain;

import java.util.EnumMap;
import java.util.Map;

/**
 * Party members living in a building (or a branch's buildings), counting those a branch must reach
 * (status ACTIVE or LOST_CONTACT): total, full, probationary, and by category.
 */
public record ResidentCounts(
    long total, long full, long probationary, Map<Category, Long> byCategory) {

  public static ResidentCounts empty() {
    Map<Category, Long> byCategory = new EnumMap<>(Category.class);
    for (Category c : Category.values()) {
      byCategory.put(c, 0L);
    }
    return new ResidentCounts(0, 0, 0, byCategory);
  }

  /** These counts plus {@code n} members of the given standing and category. */
  public ResidentCounts plus(Standing standing, Category category, long n) {
    Map<Category, Long> next = new EnumMap<>(byCategory);
    next.merge(category, n, Long::sum);
    return new ResidentCounts(
        total + n,
        full + (standing == Standing.FULL ? n : 0),
        probationary + (standing == Standing.PROBATIONARY ? n : 0),
        next);
  }

  public boolean eligibleForOwnBranch() {
    return BranchRules.eligibleForOwnBranch(full);
  }
}
