package org.civic.web.caching;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** Short content digests for ETags: 96 bits of SHA-256, base64url (16 characters). */
final class Digests {
  // A fresh digest is a clone of this one: MessageDigest.getInstance looks the algorithm up among
  // the security providers on every call (0.9 % of a member read; the hashing itself 0.3 %).
  private static final MessageDigest SHA_256;

  static {
    try {
      SHA_256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private Digests() {}

  static String of(byte[] bytes) {
    MessageDigest sha;
    try {
      sha = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's SHA-256 is cloneable", e);
    }
    byte[] digest = sha.digest(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12));
  }
}
