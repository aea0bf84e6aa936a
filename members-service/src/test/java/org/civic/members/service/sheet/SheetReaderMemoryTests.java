package org.civic.members.service.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What reading the 10,000-row register costs in memory. The bytes allocated by the reading thread
 * do not depend on the machine's load; the peak heap (after a GC before the read) is printed for
 * the record. Runs on request: {@code ./mvnw -B test -pl members-service -am
 * -Dtest=SheetReaderMemoryTests -Dsurefire.failIfNoSpecifiedTests=false -Dsheet.memory=true
 * -DargLine="-Xmx96m -XX:+UseSerialGC"} (the workbook model needed more than 128 MB of heap).
 */
@EnabledIfSystemProperty(named = "sheet.memory", matches = "true")
class SheetReaderMemoryTests {

  @Test
  void readingTenThousandRowsAllocatesLittleMoreThanTheRowsThemselves() throws Exception {
    List<UUID> buildings = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      buildings.add(UUID.randomUUID());
    }
    byte[] file = GeneratedRegister.xlsx(10_000, buildings);
    SheetReader reader = new SheetReader(20_000);
    reader.xlsx(file); // warm-up: class loading and static tables are not the read's cost

    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long before = threads.getCurrentThreadAllocatedBytes();
    List<SheetRow> rows = reader.xlsx(file);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

    System.out.printf(
        "SHEET MEMORY: %d rows from %d bytes of xlsx: %d MB allocated, heap peak %d MB (max %d"
            + " MB)%n",
        rows.size(),
        file.length,
        allocated >> 20,
        peak >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    assertThat(rows).hasSize(10_000);
    assertThat(rows.get(9_999).number()).isEqualTo(10_001);
  }
}
