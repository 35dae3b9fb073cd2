package org.frontdoor.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends the model's actions to the services on a bounded number of concurrent clients. A child's actions
 * always go to the same client, so they reach the services in the order they happened; an action about the
 * team (a worker's settings) waits until everything before it is done. Answers are judged here: the ids the
 * services hand out are kept for later steps, an expected 409 is handled as a user would, anything else
 * unexpected is counted and shown.
 */
final class Dispatcher implements AutoCloseable {

    /** allocation-service learns of a case from Kafka, so it may not know it for a moment. */
    private static final Duration CASE_NOT_YET_KNOWN = Duration.ofSeconds(60);

    private final FrontDoorClient client;
    private final Tally tally;
    private final boolean stampTimes;
    private final String keyPrefix;
    private final List<Lane> lanes = new ArrayList<>();
    private final Object idle = new Object();
    private long pending;
    private long submitted;
    private volatile boolean stopping;

    private final Map<Long, String> contacts = new ConcurrentHashMap<>();
    private final Map<Long, String> cases = new ConcurrentHashMap<>();
    private final Map<Long, String> assessments = new ConcurrentHashMap<>();
    private final Map<Long, String> discussions = new ConcurrentHashMap<>();
    private final Map<Long, String> enquiries = new ConcurrentHashMap<>();
    private final Action.Ids ids = new Action.Ids() {
        @Override
        public String contact(long contactKey) {
            return known(contacts, contactKey, "contact");
        }

        @Override
        public String caseId(long caseKey) {
            return known(cases, caseKey, "case");
        }

        @Override
        public String assessment(long caseKey) {
            return known(assessments, caseKey, "assessment");
        }

        @Override
        public String strategyDiscussion(long caseKey) {
            return known(discussions, caseKey, "strategy discussion");
        }

        @Override
        public String section47(long caseKey) {
            return known(enquiries, caseKey, "Section 47 enquiry");
        }
    };

    Dispatcher(FrontDoorClient client, Tally tally, int clients, boolean stampTimes, String keyPrefix) {
        this.client = client;
        this.tally = tally;
        this.stampTimes = stampTimes;
        this.keyPrefix = keyPrefix;
        for (int i = 0; i < clients; i++) {
            Lane lane = new Lane(i);
            lanes.add(lane);
            lane.thread.start();
        }
    }

    /** Queues an action, blocking while its client is busy; an action about the team runs once all are idle. */
    void submit(Action action) throws InterruptedException {
        long number = ++submitted;
        if (action.lane() == null) {
            drain();
            execute(action, number);
            return;
        }
        synchronized (idle) {
            pending++;
        }
        lanes.get(Math.floorMod(action.lane().hashCode(), lanes.size())).queue.put(new Job(action, number));
    }

    /** Sends an action at once on the caller's thread, whatever is still in flight (used when stopping). */
    void sendNow(Action action) {
        execute(action, ++submitted);
    }

    /** Waits until everything submitted has been answered. */
    void drain() throws InterruptedException {
        drain(Duration.ofDays(365));
    }

    /** Waits until everything submitted has been answered, or {@code limit} has passed; true if all were. */
    boolean drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                idle.wait(100);
            }
        }
        return true;
    }

    private void done() {
        synchronized (idle) {
            pending--;
            if (pending == 0) {
                idle.notifyAll();
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void execute(Action action, long number) {
        String kind = action.kind();
        String key = keyPrefix + number;
        try {
            if (action instanceof Action.AllocateCase allocation) {
                allocate(allocation, key);
                return;
            }
            Action.Request request = action.request(ids, stampTimes);
            tally.request();
            FrontDoorClient.Answer answer = client.send(request, key, Duration.ZERO);
            if (!answer.ok()) {
                tally.unexpected(kind, request, answer);
                return;
            }
            tally.succeeded(kind);
            remember(action, answer);
        } catch (UnknownId e) {
            tally.skipped(kind);
        } catch (FrontDoorClient.Unavailable e) {
            tally.failed(kind, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keeps the ids later steps need, and what the run left open, as the services answered. */
    private void remember(Action action, FrontDoorClient.Answer answer) {
        String id = answer.body().path("id").asText(null);
        if (action instanceof Action.ReceiveContact contact) {
            contacts.put(contact.contactKey(), id);
        } else if (action instanceof Action.DecideContact decision) {
            contacts.remove(decision.contactKey());
            String caseId = answer.body().path("caseId").asText(null);
            if (decision.opensCase() && caseId != null) {
                cases.put(decision.caseKey(), caseId);
                tally.caseOpened(decision.caseKey(), caseId);
                tally.count("referrals");
            }
        } else if (action instanceof Action.StartAssessment start) {
            assessments.put(start.caseKey(), id);
        } else if (action instanceof Action.HoldStrategyDiscussion discussion) {
            discussions.put(discussion.caseKey(), id);
        } else if (action instanceof Action.StartSection47 enquiry) {
            enquiries.put(enquiry.caseKey(), id);
        } else if (action instanceof Action.CloseCase closure) {
            long caseKey = closure.caseKey();
            cases.remove(caseKey);
            assessments.remove(caseKey);
            discussions.remove(caseKey);
            enquiries.remove(caseKey);
            tally.caseClosed(caseKey);
        }
    }

    /**
     * Allocates as a duty manager does: to the first candidate; when allocation-service answers 409 because
     * that worker filled up (or went absent) meanwhile, to the next; when nobody is left, to the first with an
     * override reason.
     */
    private void allocate(Action.AllocateCase allocation, String key)
            throws FrontDoorClient.Unavailable, InterruptedException {
        String kind = allocation.kind();
        List<String> candidates = allocation.candidates();
        String reason = allocation.overrideReason();
        int attempt = 0;
        int candidate = 0;
        while (true) {
            String workerId = candidates.get(candidate);
            Action.Request request = allocation.request(ids, stampTimes, workerId, reason);
            tally.request();
            FrontDoorClient.Answer answer = client.send(request, key + "-" + attempt++, CASE_NOT_YET_KNOWN);
            if (answer.status() == 202) {
                // allocation-service had not heard of the case yet and holds the allocation until it has.
                tally.count("allocations held (202)");
                answer = confirmHeld(request, key + "-" + (attempt - 1), workerId);
            }
            if (answer.ok()) {
                tally.succeeded(kind);
                if (reason != null) {
                    tally.count("overrides");
                }
                tally.caseAllocated(allocation.caseKey(), workerId);
                return;
            }
            if (answer.status() != 409 || attempt > candidates.size() * 2 + 2) {
                tally.unexpected(kind, request, answer);
                return;
            }
            tally.conflict(kind);
            if (candidate + 1 < candidates.size()) {
                candidate++;
            } else if (reason == null) {
                candidate = 0;
                reason = "Every candidate in team " + allocation.team() + " is at or over the caseload threshold";
            } else {
                tally.unexpected(kind, request, answer);
                return;
            }
        }
    }

    /**
     * After a 202 the duty manager checks the allocation took, as the board would show: the same request again
     * (a new key) answers 409 "already allocated to" this worker once the held allocation was applied, 202 while
     * the case is still on its way, and 201 if the held allocation was lost (then it is made now, and counted).
     * Returns the answer to judge: a success, or a 409 for the usual candidate handling.
     */
    private FrontDoorClient.Answer confirmHeld(Action.Request request, String key, String workerId)
            throws FrontDoorClient.Unavailable, InterruptedException {
        long deadline = System.nanoTime() + CASE_NOT_YET_KNOWN.toNanos();
        FrontDoorClient.Answer answer;
        int check = 0;
        do {
            Thread.sleep(500);
            tally.request();
            answer = client.send(request, key + "-check-" + check++, Duration.ZERO);
            if (answer.status() == 201) {
                tally.count("held allocations lost by allocation-service, made again");
                return answer;
            }
            if (answer.status() == 409 && answer.detail().contains("already allocated to " + workerId)) {
                return new FrontDoorClient.Answer(201, answer.body(), null);
            }
        } while (answer.status() == 202 && System.nanoTime() < deadline);
        if (answer.status() == 202) {
            tally.count("held allocations never confirmed");
        }
        return answer;
    }

    private static String known(Map<Long, String> ids, long key, String what) {
        String id = ids.get(key);
        if (id == null) {
            throw new UnknownId(what);
        }
        return id;
    }

    /** A step whose earlier step failed: skipped, and counted. */
    private static final class UnknownId extends RuntimeException {
        UnknownId(String what) {
            super("No " + what + " id", null, false, false);
        }
    }

    private record Job(Action action, long number) {
    }

    /** One client: a thread sending its children's actions in order. */
    private final class Lane {
        final BlockingQueue<Job> queue = new ArrayBlockingQueue<>(32);
        final Thread thread;

        Lane(int index) {
            thread = new Thread(this::run, "simulator-client-" + index);
            thread.setDaemon(true);
        }

        private void run() {
            while (!stopping) {
                Job job;
                try {
                    job = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    execute(job.action(), job.number());
                } finally {
                    done();
                }
            }
        }
    }
}
