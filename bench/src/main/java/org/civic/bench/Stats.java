package org.civic.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency distribution of a list of samples (milliseconds). */
final class Stats {
  private Stats() {}

  static Map<String, Object> of(List<Double> samples) {
    List<Double> sorted = new ArrayList<>(samples);
    Collections.sort(sorted);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", sorted.size());
    if (sorted.isEmpty()) {
      return m;
    }
    m.put("medianMs", round(pct(sorted, 50)));
    m.put("p90Ms", round(pct(sorted, 90)));
    m.put("p99Ms", round(pct(sorted, 99)));
    m.put("maxMs", round(sorted.get(sorted.size() - 1)));
    m.put("minMs", round(sorted.get(0)));
    return m;
  }

  /** Nearest-rank percentile. */
  static double pct(List<Double> sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
