package org.frontdoor.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/** Reads from the real broker which member of a consumer group owns which partitions, for tests of the loops. */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * The partitions each member of {@code group} owns, by client id, once the group has {@code members} members and
     * each owns some; fails after {@code patience}.
     */
    public static Map<String, Set<TopicPartition>> assignments(String bootstrapServers, String group, int members,
            Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription last = null;
            while (System.nanoTime() < deadline) {
                try {
                    last = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
                } catch (ExecutionException e) {
                    last = null; // the coordinator is still loading: ask again
                }
                if (last != null && last.members().size() == members
                        && last.members().stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty())) {
                    return last.members().stream().collect(Collectors.toMap(MemberDescription::clientId,
                            m -> Set.copyOf(m.assignment().topicPartitions()), (a, b) -> a, TreeMap::new));
                }
                Thread.sleep(200);
            }
            throw new AssertionError("Consumer group " + group + " did not settle on " + members
                    + " members within " + patience + "; last seen: " + last);
        }
    }
}
