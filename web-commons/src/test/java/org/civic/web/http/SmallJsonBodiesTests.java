package org.civic.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmallJsonBodiesTests {

  @Test
  void aSmallJsonBodyIsReadAhead() {
    assertThat(SmallJsonBodies.readsAhead("application/json", "412")).isTrue();
    assertThat(SmallJsonBodies.readsAhead("Application/JSON; charset=UTF-8", " 412 ")).isTrue();
    assertThat(SmallJsonBodies.readsAhead("application/merge-patch+json", "30")).isTrue();
    assertThat(SmallJsonBodies.readsAhead("application/json", "65536")).isTrue();
  }

  @Test
  void largeOrUnknownLengthBodiesStream() {
    assertThat(SmallJsonBodies.readsAhead("application/json", "65537")).isFalse();
    assertThat(SmallJsonBodies.readsAhead("application/json", null)).isFalse();
    assertThat(SmallJsonBodies.readsAhead("application/json", "0")).isFalse();
    assertThat(SmallJsonBodies.readsAhead("application/json", "-1")).isFalse();
    assertThat(SmallJsonBodies.readsAhead("application/json", "12x")).isFalse();
  }

  @Test
  void uploadsAndFormsAreLeftToTheEndpoint() {
    assertThat(
            SmallJsonBodies.readsAhead(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "2000"))
        .isFalse();
    assertThat(SmallJsonBodies.readsAhead("text/csv", "2000")).isFalse();
    assertThat(SmallJsonBodies.readsAhead("multipart/form-data; boundary=x", "2000")).isFalse();
    assertThat(SmallJsonBodies.readsAhead("application/x-www-form-urlencoded", "20")).isFalse();
    assertThat(SmallJsonBodies.readsAhead(null, "20")).isFalse();
  }
}
