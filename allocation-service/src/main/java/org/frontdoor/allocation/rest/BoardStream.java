package org.frontdoor.allocation.rest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.frontdoor.allocation.domain.AlertState;
import org.frontdoor.allocation.service.AlertService;
import org.frontdoor.allocation.service.AllocationService;
import org.frontdoor.allocation.service.BoardChanged;
import org.jboss.logging.Logger;

/**
 * Pushes the duty board's state to every watching browser. One thread does all the pushing: a new watcher gets the
 * current state first and is then registered, and every change is read once per watched team and sent to each of
 * its watchers, so a watcher never sees states out of order. Changes that arrive while a push is under way are
 * coalesced into the next one, so a burst costs one read, not one per event. A comment every
 * {@value #HEARTBEAT_SECONDS} s keeps idle connections (and proxies) open and finds closed ones.
 */
@ApplicationScoped
public class BoardStream {

    static final String EVENT_NAME = "board";
    static final long HEARTBEAT_SECONDS = 20;
    /** Enough for any real team; the board says when it shows only the first ones. */
    static final int MAX_ALERTS = 500;
    private static final long RECONNECT_DELAY_MILLIS = 3_000;
    private static final String ALL_TEAMS = "";
    private static final Logger LOG = Logger.getLogger(BoardStream.class);

    private record Watcher(SseEventSink sink, Sse sse) {
    }

    private final AllocationService allocation;
    private final AlertService alerts;
    private final Clock clock;
    private final Map<String, List<Watcher>> watchers = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    /** The teams changed since the last push began; null for every team. Guarded by {@code this}. */
    private Set<String> changedTeams = new HashSet<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "board-push");
        thread.setDaemon(true);
        return thread;
    });

    public BoardStream(AllocationService allocation, AlertService alerts, Clock clock, MeterRegistry registry) {
        this.allocation = allocation;
        this.alerts = alerts;
        this.clock = clock;
        Gauge.builder("frontdoor.board.watchers", watchers, w -> w.values().stream().mapToInt(List::size).sum())
                .description("Browsers watching the duty board's live stream").register(registry);
    }

    void start(@Observes StartupEvent event) {
        pusher.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    /** Sends the current state to a new watcher, then keeps it informed. */
    void watch(String team, SseEventSink sink, Sse sse) {
        String key = team == null ? ALL_TEAMS : team;
        submit(() -> {
            Watcher watcher = new Watcher(sink, sse);
            if (send(watcher, state(key))) {
                watchers.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(watcher);
            }
        }, sink);
    }

    void changed(@Observes BoardChanged change) {
        if (watchers.isEmpty()) {
            return;
        }
        synchronized (this) {
            if (changedTeams != null) {
                if (change.teams() == null) {
                    changedTeams = null;
                } else {
                    changedTeams.addAll(change.teams());
                }
            }
        }
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        submit(() -> {
            pending.set(false);
            Set<String> teams;
            synchronized (this) {
                teams = changedTeams;
                changedTeams = new HashSet<>();
            }
            pushAll(new BoardChanged(teams));
        }, null);
    }

    /** Reads the boards the change concerns (every watched team's in one transaction) and sends them. */
    private void pushAll(BoardChanged change) {
        List<String> teams = new ArrayList<>();
        for (Map.Entry<String, List<Watcher>> team : watchers.entrySet()) {
            if (team.getValue().isEmpty()) {
                watchers.remove(team.getKey(), team.getValue());
            } else if (ALL_TEAMS.equals(team.getKey()) || change.concerns(team.getKey())) {
                teams.add(team.getKey());
            }
        }
        if (teams.isEmpty()) {
            return;
        }
        Map<String, BoardView> states;
        try {
            states = states(teams);
        } catch (RuntimeException e) {
            LOG.warnf("Could not read the board for a push (%s: %s); the next change retries",
                    e.getClass().getSimpleName(), e.getMessage());
            return;
        }
        for (String team : teams) {
            List<Watcher> watching = watchers.getOrDefault(team, List.of());
            for (Watcher watcher : watching) {
                if (!send(watcher, states.get(team))) {
                    watching.remove(watcher);
                }
            }
        }
    }

    private BoardView state(String key) {
        return states(List.of(key)).get(key);
    }

    /**
     * The boards of these watcher keys, read in one transaction: the teams' queues, workers and alerts with one
     * query each for all of them (plus the whole-service board when someone watches every team).
     */
    private Map<String, BoardView> states(List<String> keys) {
        List<String> teams = keys.stream().filter(k -> !ALL_TEAMS.equals(k)).toList();
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, BoardView> states = new HashMap<>();
            if (keys.contains(ALL_TEAMS)) {
                states.put(ALL_TEAMS, new BoardView(null, sequence.incrementAndGet(), clock.instant(),
                        allocation.queue(null).stream().map(QueueResource.QueueItem::of).toList(),
                        allocation.workers(null).stream().map(WorkerView::of).toList(),
                        alerts.list(AlertState.ACTIVE, null, 0, MAX_ALERTS).alerts().stream().map(AlertView::of)
                                .toList()));
            }
            if (!teams.isEmpty()) {
                var queues = allocation.queues(teams);
                var loads = allocation.workerLoads(teams);
                var active = alerts.activeByTeam(teams, MAX_ALERTS);
                for (String team : teams) {
                    states.put(team, new BoardView(team, sequence.incrementAndGet(), clock.instant(),
                            queues.get(team).stream().map(QueueResource.QueueItem::of).toList(),
                            loads.get(team).stream().map(WorkerView::of).toList(),
                            active.get(team).stream().map(AlertView::of).toList()));
                }
            }
            return states;
        });
    }

    private boolean send(Watcher watcher, BoardView state) {
        if (watcher.sink().isClosed()) {
            return false;
        }
        OutboundSseEvent event = watcher.sse().newEventBuilder().name(EVENT_NAME)
                .id(Long.toString(state.sequence())).reconnectDelay(RECONNECT_DELAY_MILLIS)
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(BoardView.class, state).build();
        return offer(watcher, event);
    }

    private void heartbeat() {
        for (List<Watcher> team : watchers.values()) {
            for (Watcher watcher : new ArrayList<>(team)) {
                if (watcher.sink().isClosed()
                        || !offer(watcher, watcher.sse().newEventBuilder().comment("still here").build())) {
                    team.remove(watcher);
                }
            }
        }
    }

    private static boolean offer(Watcher watcher, OutboundSseEvent event) {
        try {
            watcher.sink().send(event).exceptionally(gone -> {
                closeQuietly(watcher.sink());
                return null;
            });
            return true;
        } catch (RuntimeException gone) {
            closeQuietly(watcher.sink());
            return false;
        }
    }

    private void submit(Runnable task, SseEventSink onRefusal) {
        try {
            pusher.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warnf("Board push failed (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException stopping) {
            pending.set(false);
            if (onRefusal != null) {
                closeQuietly(onRefusal);
            }
        }
    }

    private static void closeQuietly(SseEventSink sink) {
        try {
            sink.close();
        } catch (RuntimeException ignored) {
            // already gone
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pusher.shutdownNow();
        watchers.values().forEach(team -> team.forEach(w -> closeQuietly(w.sink())));
        watchers.clear();
    }

    /** How many browsers watch a team (or every team for null); for tests and the gauge. */
    int watching(String team) {
        return watchers.getOrDefault(Objects.requireNonNullElse(team, ALL_TEAMS), List.of()).size();
    }
}
