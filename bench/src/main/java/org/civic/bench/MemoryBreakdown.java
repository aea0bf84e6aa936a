package org.civic.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What holds a service's resident memory, read from what bench/run.sh saves per service without
 * Native Memory Tracking: {@code /proc/PID/status} (RSS, its anonymous and file-backed parts,
 * threads) and {@code jcmd PID GC.heap_info}, {@code VM.metaspace} and {@code Compiler.codecache}.
 * Sizes in MB; NaN where the text does not say.
 */
record MemoryBreakdown(
    double rss,
    double anonymous,
    double fileBacked,
    double heapCommitted,
    double heapUsed,
    double metaspaceCommitted,
    long classes,
    double codeUsed,
    long threads) {

  // "def new generation total 116160K, used 16527K" (Java 17), "DefNew total …" (Java 21+),
  // "garbage-first heap total …" (Java 25: "total reserved 262144K, committed 70656K, used …"):
  // the generations' lines, not their spaces'.
  private static final Pattern HEAP =
      Pattern.compile("total (?:reserved \\d+K, committed )?(\\d+)K, used (\\d+)K");
  // VM.metaspace's "Virtual space" section: "Both: 1.06 GB reserved, 7.25 MB ( <1%) committed."
  private static final Pattern METASPACE =
      Pattern.compile("Both:\\s+[\\d.]+ \\w+ reserved,\\s+([\\d.]+) (bytes|KB|MB|GB) \\(");
  private static final Pattern CLASSES =
      Pattern.compile("Total Usage - \\d+ loaders, (\\d+) classes");
  private static final Pattern CODE = Pattern.compile("size=\\d+Kb used=(\\d+)Kb");

  static MemoryBreakdown parse(String text) {
    Matcher metaspace = METASPACE.matcher(text);
    Matcher classes = CLASSES.matcher(text);
    return new MemoryBreakdown(
        statusMb(text, "VmRSS"),
        statusMb(text, "RssAnon"),
        statusMb(text, "RssFile"),
        sumMb(HEAP, 1, text),
        sumMb(HEAP, 2, text),
        metaspace.find()
            ? mb(Double.parseDouble(metaspace.group(1)), metaspace.group(2))
            : Double.NaN,
        classes.find() ? Long.parseLong(classes.group(1)) : -1,
        sumMb(CODE, 1, text),
        (long) statusValue(text, "Threads"));
  }

  /**
   * RSS the heap, class metadata and compiled code do not explain: stacks, malloc, mapped files.
   * The committed heap counts whole (under load the collector has touched it); NaN where that
   * overshoots RSS, as in an idle JVM whose heap was committed but never used.
   */
  double other() {
    double rest = rss - heapCommitted - metaspaceCommitted - codeUsed;
    return rest < 0 ? Double.NaN : rest;
  }

  /** A group of sizes in KB summed over every match, in MB; NaN if nothing matched. */
  private static double sumMb(Pattern pattern, int group, String text) {
    Matcher m = pattern.matcher(text);
    double kb = 0;
    boolean seen = false;
    while (m.find()) {
      seen = true;
      kb += Long.parseLong(m.group(group));
    }
    return seen ? kb / 1024 : Double.NaN;
  }

  private static double statusMb(String text, String key) {
    return statusValue(text, key) / 1024.0;
  }

  // "/proc/PID/status" lines: "VmRSS:	  329012 kB", "Threads:	57"
  private static double statusValue(String text, String key) {
    Matcher m = Pattern.compile("(?m)^" + key + ":\\s+(\\d+)").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static double mb(double value, String unit) {
    switch (unit) {
      case "bytes":
        return value / (1024 * 1024);
      case "KB":
        return value / 1024;
      case "GB":
        return value * 1024;
      default:
        return value;
    }
  }
}
