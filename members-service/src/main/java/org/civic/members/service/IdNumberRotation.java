package org.civic.members.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.civic.members.domain.SensitiveProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Key rotation of the encrypted ID numbers: re-encrypts every stored number that an older key
 * sealed with the current key. Runs at startup when {@value #ROTATE_AT_START} is true (the second
 * step of a rotation, see docs/members-service.md); a profile saved through the API is re-encrypted
 * anyway.
 */
@ApplicationScoped
public class IdNumberRotation {
  public static final String ROTATE_AT_START = "security.encryption.rotate-at-start";
  private static final Logger LOG = Logger.getLogger(IdNumberRotation.class);
  private static final int BATCH = 200;

  private final IdNumberCipher cipher;
  private final EntityManager em;
  private final boolean atStart;

  IdNumberRotation(
      IdNumberCipher cipher,
      EntityManager em,
      @ConfigProperty(name = ROTATE_AT_START, defaultValue = "false") boolean atStart) {
    this.cipher = cipher;
    this.em = em;
    this.atStart = atStart;
  }

  void onStart(@Observes StartupEvent event) {
    if (atStart) {
      int n = rotateAll();
      LOG.infof("Re-encrypted %d ID numbers with key %s", n, cipher.currentKeyId());
    }
  }

  /** Re-encrypts all numbers not under the current key; returns how many. Safe to repeat. */
  @Transactional
  public int rotateAll() {
    int total = 0;
    while (true) {
      // The version is not bumped: the profile's content is the same, only its encryption changed.
      List<SensitiveProfile> batch =
          em.createQuery(
                  "select p from SensitiveProfile p where p.idNumberEncrypted is not null"
                      + " and p.idNumberEncrypted not like :current order by p.memberId",
                  SensitiveProfile.class)
              .setParameter("current", cipher.currentKeyId() + ":%")
              .setMaxResults(BATCH)
              .getResultList();
      if (batch.isEmpty()) {
        return total;
      }
      for (SensitiveProfile p : batch) {
        em.createQuery(
                "update SensitiveProfile p set p.idNumberEncrypted = :v where p.memberId = :id")
            .setParameter("v", cipher.underCurrentKey(p.idNumberEncrypted))
            .setParameter("id", p.memberId)
            .executeUpdate();
      }
      em.clear();
      total += batch.size();
    }
  }
}
