package org.civic.members.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResidentIdNumberTests {

  @Test
  void validNumbersPassIncludingAnXCheckCharacter() {
    assertThat(ResidentIdNumber.problem("11010519491231002X")).isNull();
    assertThat(ResidentIdNumber.problem("320106194803021232")).isNull();
    assertThat(ResidentIdNumber.problem("110101195001011239")).isNull();
  }

  @Test
  void aLowerCaseXAndSurroundingSpacesAreNormalised() {
    String n = ResidentIdNumber.normalise(" 11010519491231002x ");
    assertThat(n).isEqualTo("11010519491231002X");
    assertThat(ResidentIdNumber.problem(n)).isNull();
  }

  @Test
  void aWrongCheckDigitIsNamed() {
    assertThat(ResidentIdNumber.problem("110101195001011238")).contains("check digit");
    assertThat(ResidentIdNumber.problem("110105194912310021")).contains("check digit");
  }

  @Test
  void wrongLengthsLettersAndImpossibleBirthDatesAreRefused() {
    assertThat(ResidentIdNumber.problem(null)).contains("18 characters");
    assertThat(ResidentIdNumber.problem("11010119500101123")).contains("18 characters");
    assertThat(ResidentIdNumber.problem("1101011950010112390")).contains("18 characters");
    assertThat(ResidentIdNumber.problem("11010119500101A239")).contains("18 characters");
    assertThat(ResidentIdNumber.problem("11010119500101123Y")).contains("18 characters");
    // 1950-02-30 does not exist; the check digit is right for these 17 digits.
    String feb30 = "11010119500230123";
    assertThat(ResidentIdNumber.problem(feb30 + ResidentIdNumber.checkCharacter(feb30 + "0")))
        .contains("birth date");
  }
}
