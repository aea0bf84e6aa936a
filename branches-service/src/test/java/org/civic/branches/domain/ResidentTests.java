package org.civic.branches.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResidentTests {
  final UUID b1 = UUID.randomUUID();
  final UUID b2 = UUID.randomUUID();

  boolean apply(Resident r, long version, UUID building, MemberStatus status) {
    return r.apply(version, building, null, "张", Standing.FULL, Category.RETIRED, status, null);
  }

  @Test
  void olderAndRepeatedVersionsChangeNothing() {
    Resident r = new Resident(UUID.randomUUID());
    assertThat(apply(r, 0, b1, MemberStatus.ACTIVE)).isTrue();
    assertThat(apply(r, 2, b2, MemberStatus.ACTIVE)).isTrue();
    assertThat(apply(r, 1, b1, MemberStatus.DECEASED)).isFalse();
    assertThat(apply(r, 2, b1, MemberStatus.DECEASED)).isFalse();
    assertThat(r.buildingId).isEqualTo(b2);
    assertThat(r.onRoster()).isTrue();
  }

  @Test
  void onlyActiveAndLostContactMembersBelongOnARoster() {
    Resident r = new Resident(UUID.randomUUID());
    apply(r, 1, b1, MemberStatus.LOST_CONTACT);
    assertThat(r.onRoster()).isTrue();
    for (MemberStatus gone :
        new MemberStatus[] {
          MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED, MemberStatus.SUSPENDED
        }) {
      assertThat(gone.onRoster()).isFalse();
    }
  }
}
