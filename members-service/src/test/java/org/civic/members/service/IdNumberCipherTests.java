package org.civic.members.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.civic.web.security.FieldCipher;
import org.junit.jupiter.api.Test;

class IdNumberCipherTests {

  @Test
  void withoutAKeyTheServiceRefusesToStartAndSaysWhatToSet() {
    assertThatThrownBy(() -> new IdNumberCipher(Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("security.encryption.keys")
        .hasMessageContaining("SECURITY_ENCRYPTION_KEYS");
    assertThatThrownBy(() -> new IdNumberCipher(Optional.of("  ")))
        .hasMessageContaining("SECURITY_ENCRYPTION_KEYS");
  }

  @Test
  void aMalformedKeyIsRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> new IdNumberCipher(Optional.of("k1:c2hvcnQ=")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  @Test
  void numbersAreStoredEncryptedShownMaskedAndMovedToTheCurrentKey() {
    String old = FieldCipher.newKey("old");
    String current = FieldCipher.newKey("new");
    String sealedWithOld = new IdNumberCipher(Optional.of(old)).encrypt("11010519491231002X");
    IdNumberCipher cipher = new IdNumberCipher(Optional.of(current + "," + old));
    assertThat(sealedWithOld).startsWith("old:").doesNotContain("1101051949");
    assertThat(cipher.masked(sealedWithOld)).isEqualTo("110***********002X");
    assertThat(cipher.needsRotation(sealedWithOld)).isTrue();
    String rotated = cipher.underCurrentKey(sealedWithOld);
    assertThat(rotated).startsWith("new:");
    assertThat(cipher.masked(rotated)).isEqualTo("110***********002X");
    assertThat(cipher.underCurrentKey(rotated)).isEqualTo(rotated);
    assertThat(cipher.currentKeyId()).isEqualTo("new");
  }
}
