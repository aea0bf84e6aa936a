package org.civic.members.service.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import org.civic.web.sheets.SafeCells;
import org.junit.jupiter.api.Test;

class CellTextTests {

  @Test
  void whatTheExportNeutralisesTheImportRestores() {
    for (String v :
        new String[] {"=HYPERLINK(\"x\")", "+8613800000000", "-1", "@SUM(A1)", "\tx", "\rx"}) {
      assertThat(SafeCells.text(v)).startsWith("'");
      assertThat(CellText.unneutralise(SafeCells.text(v))).isEqualTo(v);
    }
  }

  @Test
  void otherApostrophesAndPlainTextAreKept() {
    assertThat(CellText.unneutralise("'quoted'")).isEqualTo("'quoted'");
    assertThat(CellText.unneutralise("'")).isEqualTo("'");
    assertThat(CellText.unneutralise("张秀兰")).isEqualTo("张秀兰");
    assertThat(CellText.unneutralise(null)).isNull();
  }
}
