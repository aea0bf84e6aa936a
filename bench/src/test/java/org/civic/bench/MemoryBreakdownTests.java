package org.civic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The texts are what Java 17 and Java 25 print (jcmd output trimmed to the lines read). */
class MemoryBreakdownTests {
  private static final String STATUS =
      "VmRSS:\t  329728 kB\nRssAnon:\t  276480 kB\nRssFile:\t   53248 kB\nRssShmem:\t       0"
          + " kB\nThreads:\t57\n";

  @Test
  void java17SerialHeapMetaspaceAndOneCodeCache() {
    String text =
        STATUS
            + "12345:\n"
            + " def new generation   total 19648K, used 5130K [0x00000000f0000000,"
            + " 0x00000000f1550000, 0x00000000f5550000)\n"
            + "  eden space 17472K,  20% used [0x00000000f0000000, 0x00000000f0380000)\n"
            + " tenured generation   total 43712K, used 30110K [0x00000000f5550000,"
            + " 0x00000000f8000000, 0x0000000100000000)\n"
            + "   the space 43712K,  68% used\n"
            + " Metaspace       used 98000K, committed 99328K, reserved 1179648K\n"
            + "12345:\n"
            + "Total Usage - 112 loaders, 21870 classes (8000 shared):\n"
            + "Virtual space:\n"
            + "  Non-class space:       96.00 MB reserved,      86.25 MB ( 90%) committed,  2"
            + " nodes.\n"
            + "      Class space:        1.00 GB reserved,      13.00 MB (  1%) committed,  1"
            + " nodes.\n"
            + "             Both:        1.09 GB reserved,      99.25 MB (  9%) committed. \n"
            + "12345:\n"
            + "CodeCache: size=98304Kb used=40960Kb max_used=41984Kb free=57344Kb\n";

    MemoryBreakdown m = MemoryBreakdown.parse(text);

    assertEquals(322.0, m.rss(), 0.01);
    assertEquals(270.0, m.anonymous(), 0.01);
    assertEquals(52.0, m.fileBacked(), 0.01);
    assertEquals(57, m.threads());
    assertEquals(21870, m.classes());
    assertEquals((19648 + 43712) / 1024.0, m.heapCommitted(), 0.01);
    assertEquals((5130 + 30110) / 1024.0, m.heapUsed(), 0.01);
    assertEquals(99.25, m.metaspaceCommitted(), 0.01);
    assertEquals(40.0, m.codeUsed(), 0.01);
    assertEquals(322.0 - 61.875 - 99.25 - 40.0, m.other(), 0.01);
  }

  @Test
  void java25NamesAndASegmentedCodeCache() {
    String text =
        STATUS
            + "DefNew     total 116160K, used 16543K [0x0000000687400000, 0x000000068f200000)\n"
            + " eden space 103296K,  16% used\n"
            + "Tenured    total 258048K, used 1166K [0x0000000704d50000, 0x0000000714950000)\n"
            + "Total Usage - 26 loaders, 2348 classes (1113 shared):\n"
            + "             Both:        1.06 GB reserved,     960.00 KB ( <1%) committed. \n"
            + "CodeHeap 'non-profiled nmethods': size=120032Kb used=2048Kb max_used=2048Kb\n"
            + "CodeHeap 'profiled nmethods': size=120028Kb used=6144Kb max_used=6144Kb\n"
            + "CodeHeap 'non-nmethods': size=5700Kb used=1024Kb max_used=1024Kb\n";

    MemoryBreakdown m = MemoryBreakdown.parse(text);

    assertEquals((116160 + 258048) / 1024.0, m.heapCommitted(), 0.01);
    assertEquals(2348, m.classes());
    assertTrue(Double.isNaN(m.other()), "a committed heap larger than RSS explains nothing");
    assertEquals(960.0 / 1024, m.metaspaceCommitted(), 0.001);
    assertEquals(9.0, m.codeUsed(), 0.01);
  }

  @Test
  void java25GarbageFirstHeapSaysCommittedApartFromReserved() {
    MemoryBreakdown m =
        MemoryBreakdown.parse(
            """
            VmRSS:	  332448 kB
            17328:
            garbage-first heap   total reserved 262144K, committed 70656K, used 48455K \
            [0x00000000f0000000, 0x0000000100000000)
             region size 1024K, 3 young (3072K), 2 survivors (2048K)
            """);

    assertEquals(69.0, m.heapCommitted(), 0.01);
    assertEquals(47.32, m.heapUsed(), 0.01);
  }

  @Test
  void whatJcmdDidNotSayIsUnknown() {
    MemoryBreakdown m = MemoryBreakdown.parse("12345: Unable to open socket file\n");

    assertTrue(Double.isNaN(m.rss()));
    assertTrue(Double.isNaN(m.heapCommitted()));
    assertTrue(Double.isNaN(m.metaspaceCommitted()));
    assertTrue(Double.isNaN(m.codeUsed()));
    assertEquals(-1, m.classes());
    assertEquals(0, m.threads());
  }
}
