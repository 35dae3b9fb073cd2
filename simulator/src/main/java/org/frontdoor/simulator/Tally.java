package org.frontdoor.simulator;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the simulator did to the services, as they answered: requests by kind and outcome, and the state it
 * left (cases open, who holds them), so that a run can be checked against the services' own counts.
 */
public final class Tally {

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, String> openCases = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, String> holders = new ConcurrentHashMap<>();
    private final AtomicLong bugsPrinted = new AtomicLong();
    private final LongAdder requests = new LongAdder();

    void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    void add(String what, long amount) {
        counts.computeIfAbsent(what, k -> new LongAdder()).add(amount);
    }

    void request() {
        requests.increment();
    }

    void succeeded(String kind) {
        count("ok." + kind);
    }

    /** A 409 the simulator expects and handles (a worker who filled up meanwhile). */
    void conflict(String kind) {
        count("conflict." + kind);
    }

    void skipped(String kind) {
        count("skipped." + kind);
    }

    /** An answer the simulator did not expect: a bug in it or in a service. The first few are printed. */
    void unexpected(String kind, Action.Request request, FrontDoorClient.Answer answer) {
        count("unexpected." + kind);
        count("unexpected");
        if (bugsPrinted.incrementAndGet() <= 20) {
            System.err.printf("%nUnexpected %d for %s %s %s: %s%n", answer.status(), request.method(), request.path(),
                    FrontDoorClient.abbreviate(String.valueOf(request.body())), answer.detail());
        }
    }

    void failed(String kind, Exception e) {
        count("failed." + kind);
        count("failed");
        if (bugsPrinted.incrementAndGet() <= 20) {
            System.err.printf("%nGave up on %s: %s%n", kind, e.getMessage());
        }
    }

    void caseOpened(long caseKey, String caseId) {
        openCases.put(caseKey, caseId);
    }

    void caseAllocated(long caseKey, String workerId) {
        holders.put(caseKey, workerId);
    }

    void caseClosed(long caseKey) {
        openCases.remove(caseKey);
        holders.remove(caseKey);
    }

    public long get(String what) {
        LongAdder adder = counts.get(what);
        return adder == null ? 0 : adder.sum();
    }

    public long requests() {
        return requests.sum();
    }

    public long problems() {
        return get("unexpected") + get("failed");
    }

    public Map<String, Long> counts() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** Open cases the simulator opened and did not close. */
    public int openCases() {
        return openCases.size();
    }

    /** Open cases nobody holds: what allocation-service's queue should show for this run. */
    public int unallocatedOpenCases() {
        return (int) openCases.keySet().stream().filter(k -> !holders.containsKey(k)).count();
    }

    /** The ids of the open cases nobody holds, as referral-service gave them. */
    public Set<String> unallocatedOpenCaseIds() {
        Set<String> ids = new TreeSet<>();
        openCases.forEach((caseKey, caseId) -> {
            if (!holders.containsKey(caseKey)) {
                ids.add(caseId);
            }
        });
        return ids;
    }

    /** Open cases held by each worker: allocation-service's activeCases for this run. */
    public Map<String, Integer> caseloads() {
        Map<String, Integer> loads = new TreeMap<>();
        holders.forEach((caseKey, worker) -> {
            if (openCases.containsKey(caseKey)) {
                loads.merge(worker, 1, Integer::sum);
            }
        });
        return loads;
    }
}
