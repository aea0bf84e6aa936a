package org.civic.web.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeCellsTests {
  @Test
  void formulasAreTurnedIntoText() {
    assertThat(SafeCells.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(SafeCells.text("+86 138")).isEqualTo("'+86 138");
    assertThat(SafeCells.text("-1+1")).isEqualTo("'-1+1");
    assertThat(SafeCells.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(SafeCells.text("\tcmd")).isEqualTo("'\tcmd");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(SafeCells.text("张秀兰")).isEqualTo("张秀兰");
    assertThat(SafeCells.text("1号楼 = A")).isEqualTo("1号楼 = A");
    assertThat(SafeCells.text("")).isEmpty();
    assertThat(SafeCells.text(null)).isNull();
  }
}
