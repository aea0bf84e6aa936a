package org.civic.members.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast OffsetDateTime text is Jackson's own, character for character. */
class IsoOffsetDateTimeSerializerTests {
  record Stamped(OffsetDateTime at) {}

  private static final ObjectMapper JACKSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final ObjectMapper FAST =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule()
                  .addSerializer(OffsetDateTime.class, new IsoOffsetDateTimeSerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void writesWhatJacksonWrites() throws Exception {
    List<OffsetDateTime> values = new ArrayList<>();
    values.add(OffsetDateTime.of(2026, 11, 30, 5, 37, 18, 129_851_000, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)); // no fraction
    values.add(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 100_000_000, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(2026, 1, 2, 0, 0, 0, 1, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(2026, 12, 31, 23, 59, 59, 999_999_999, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(1000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC));
    // Outside the fast path: Jackson's serializer writes them.
    values.add(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6_000, ZoneOffset.ofHours(8)));
    values.add(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-3, -30)));
    values.add(OffsetDateTime.of(999, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    values.add(OffsetDateTime.of(10000, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      int nano =
          switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      values.add(
          OffsetDateTime.of(
              1900 + random.nextInt(200),
              1 + random.nextInt(12),
              1 + random.nextInt(28),
              random.nextInt(24),
              random.nextInt(60),
              random.nextInt(60),
              nano,
              ZoneOffset.UTC));
    }
    for (OffsetDateTime value : values) {
      assertThat(FAST.writeValueAsString(new Stamped(value)))
          .as("%s", value)
          .isEqualTo(JACKSON.writeValueAsString(new Stamped(value)));
    }
    assertThat(FAST.writeValueAsString(new Stamped(null))).isEqualTo("{\"at\":null}");
  }
}
