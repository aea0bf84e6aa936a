package org.civic.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTests {
  private final String oldKey = FieldCipher.newKey("k1");
  private final String newKey = FieldCipher.newKey("k2");

  @Test
  void encryptsWithRandomIvAndDecryptsBack() {
    FieldCipher cipher = new FieldCipher(oldKey);
    String a = cipher.encrypt("110101195001011234");
    String b = cipher.encrypt("110101195001011234");
    assertThat(a).startsWith("k1:").isNotEqualTo(b).doesNotContain("1234");
    assertThat(cipher.decrypt(a)).isEqualTo("110101195001011234");
  }

  @Test
  void rotationKeepsOldValuesReadableAndWritesWithTheNewKey() {
    String stored = new FieldCipher(oldKey).encrypt("secret");
    FieldCipher rotated = new FieldCipher(newKey + "," + oldKey);
    assertThat(rotated.decrypt(stored)).isEqualTo("secret");
    assertThat(rotated.needsRotation(stored)).isTrue();
    assertThat(rotated.encrypt("secret")).startsWith("k2:");
  }

  @Test
  void tamperingOrAMissingKeyIsDetected() {
    FieldCipher cipher = new FieldCipher(oldKey);
    String stored = cipher.encrypt("secret");
    byte[] sealed = Base64.getDecoder().decode(stored.substring(3));
    sealed[sealed.length / 2] ^= 1;
    String tampered = "k1:" + Base64.getEncoder().encodeToString(sealed);
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new FieldCipher(newKey).decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not configured");
    assertThatThrownBy(() -> new FieldCipher("k1:c2hvcnQ=")).hasMessageContaining("32 bytes");
  }

  @Test
  void masksKeepOnlyTheEnds() {
    assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
    assertThat(Masking.idNumber("110101195001011234")).isEqualTo("110***********1234");
    assertThat(Masking.phone("12345")).isEqualTo("*****");
    assertThat(Masking.phone(null)).isNull();
  }
}
