package org.civic.web.caching;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.EntityTag;
import org.junit.jupiter.api.Test;

class EntityTagsTests {
  private static final EntityTag TAG = new EntityTag("3.abcDEF-_12345678", true);

  @Test
  void matchesWeaklyWithOrWithoutThePrefixAndAmongSeveral() {
    assertThat(EntityTags.anyMatches("W/\"3.abcDEF-_12345678\"", TAG)).isTrue();
    assertThat(EntityTags.anyMatches("\"3.abcDEF-_12345678\"", TAG)).isTrue();
    assertThat(EntityTags.anyMatches("W/\"1.x\", W/\"3.abcDEF-_12345678\"", TAG)).isTrue();
    assertThat(EntityTags.anyMatches("*", TAG)).isTrue();
  }

  @Test
  void otherTagsAndNoHeaderDoNotMatch() {
    assertThat(EntityTags.anyMatches(null, TAG)).isFalse();
    assertThat(EntityTags.anyMatches(" ", TAG)).isFalse();
    assertThat(EntityTags.anyMatches("W/\"3\"", TAG)).isFalse();
    assertThat(EntityTags.anyMatches("W/\"3.abcDEF-_12345679\"", TAG)).isFalse();
  }

  @Test
  void digestsAreShortAndFollowTheBytes() {
    String a = Digests.of("{\"a\":1}".getBytes());
    assertThat(a).hasSize(16).matches("[A-Za-z0-9_-]+");
    assertThat(Digests.of("{\"a\":1}".getBytes())).isEqualTo(a);
    assertThat(Digests.of("{\"a\":2}".getBytes())).isNotEqualTo(a);
  }

  @Test
  void aDigestIsTheStartOfTheBodysSha256AndSharesNoStateBetweenCalls() {
    // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 ... : its first 12 bytes,
    // base64url.
    assertThat(Digests.of("abc".getBytes())).isEqualTo("ungWv48Bz-pBQUDe");
    // Each call digests from a fresh clone: a long input before does not leak into the next.
    Digests.of(new byte[100_000]);
    assertThat(Digests.of("abc".getBytes())).isEqualTo("ungWv48Bz-pBQUDe");
  }

  @Test
  void anOpaqueTagMatchesAsTheEntityTagDoes() {
    assertThat(EntityTags.anyMatches("W/\"1.x\", W/\"3.abcDEF-_12345678\"", TAG.getValue()))
        .isTrue();
    assertThat(EntityTags.anyMatches("W/\"3\"", TAG.getValue())).isFalse();
    assertThat(EntityTags.anyMatches(null, TAG.getValue())).isFalse();
  }
}
