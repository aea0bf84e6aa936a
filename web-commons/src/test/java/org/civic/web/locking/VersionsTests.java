package org.civic.web.locking;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.civic.web.problem.ProblemException;
import org.junit.jupiter.api.Test;

class VersionsTests {

  @Test
  void ifMatchNamesTheVersionAloneOrFollowedByTheBodyDigest() {
    assertThatCode(() -> Versions.require(3, "W/\"3.abcDEF-_12345678\"", null))
        .doesNotThrowAnyException();
    assertThatCode(() -> Versions.require(3, "\"3\"", null)).doesNotThrowAnyException();
    assertThatCode(() -> Versions.require(3, "*", null)).doesNotThrowAnyException();
  }

  @Test
  void anotherVersionOrNoVersionAtAllIsRefused() {
    assertThatThrownBy(() -> Versions.require(4, "W/\"3.abcDEF-_12345678\"", null))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("current version is 4");
    assertThatThrownBy(() -> Versions.require(4, "W/\"x.y\"", null))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Versions.require(4, null, null)).isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> Versions.require(4, null, 3L)).isInstanceOf(ProblemException.class);
  }
}
