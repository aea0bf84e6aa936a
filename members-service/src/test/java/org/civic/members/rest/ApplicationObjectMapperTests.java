package org.civic.members.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.civic.localinfra.LocalInfraTestResource;
import org.junit.jupiter.api.Test;

/** The application's ObjectMapper (REST bodies, conditional GET, events) takes the fast path. */
@QuarkusTest
@QuarkusTestResource(
    value = LocalInfraTestResource.class,
    initArgs = @ResourceArg(name = "database", value = "members"))
class ApplicationObjectMapperTests {
  @Inject ObjectMapper mapper;

  @Test
  void offsetDateTimesGoThroughTheIsoSerializer() throws Exception {
    assertThat(mapper.getSerializerProviderInstance().findValueSerializer(OffsetDateTime.class))
        .isInstanceOf(IsoOffsetDateTimeSerializer.class);
    assertThat(
            mapper.writeValueAsString(
                OffsetDateTime.of(2026, 11, 30, 5, 37, 18, 129_851_000, ZoneOffset.UTC)))
        .isEqualTo("\"2026-11-30T05:37:18.129851Z\"");
  }
}
