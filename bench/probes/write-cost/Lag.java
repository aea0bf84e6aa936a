// Consumer lag of every group, summed (Kafka admin API). Run as a single-file program:
//   java -cp "$(cat bench/target/classpath.txt)" bench/probes/write-cost/Lag.java localhost:<kafka port>
import java.util.*;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.*;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

public class Lag {
  public static void main(String[] a) throws Exception {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, a[0]);
    try (Admin admin = Admin.create(p)) {
      long total = 0;
      StringBuilder sb = new StringBuilder();
      for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
        Map<TopicPartition, OffsetAndMetadata> c =
            admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        c.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        long lag = 0;
        for (var e : c.entrySet()) if (e.getValue() != null) lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
        sb.append(g.groupId()).append('=').append(lag).append(' ');
        total += lag;
      }
      System.out.println(total + " " + sb);
    }
  }
}
