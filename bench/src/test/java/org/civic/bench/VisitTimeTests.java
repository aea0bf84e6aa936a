package org.civic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** When the data set's visits take place (Loader.visitTime). */
class VisitTimeTests {
  private final Random random = new Random(1);

  @Test
  void onTheFirstMorningOfAMonthTheCurrentMonthStillGetsItsVisits() {
    ZonedDateTime now = ZonedDateTime.of(2026, 12, 1, 9, 11, 0, 0, Loader.ZONE);
    for (int i = 0; i < 1000; i++) {
      ZonedDateTime at = Loader.visitTime(YearMonth.of(2026, 12), now, random);
      assertNotNull(at);
      assertEquals(YearMonth.of(2026, 12), YearMonth.from(at));
      assertTrue(!at.isAfter(now.minusMinutes(10)), at.toString());
    }
  }

  @Test
  void aPastMonthsVisitsAreDaytimeVisitsOfThatMonth() {
    ZonedDateTime now = ZonedDateTime.of(2026, 12, 1, 9, 11, 0, 0, Loader.ZONE);
    for (int i = 0; i < 1000; i++) {
      ZonedDateTime at = Loader.visitTime(YearMonth.of(2026, 11), now, random);
      assertEquals(YearMonth.of(2026, 11), YearMonth.from(at));
      assertTrue(at.getHour() >= 9 && at.getHour() < 17, at.toString());
    }
  }

  @Test
  void noVisitFitsInAMonthsFirstTenMinutes() {
    ZonedDateTime now = ZonedDateTime.of(2026, 12, 1, 0, 5, 0, 0, Loader.ZONE);
    assertNull(Loader.visitTime(YearMonth.of(2026, 12), now, random));
  }
}
