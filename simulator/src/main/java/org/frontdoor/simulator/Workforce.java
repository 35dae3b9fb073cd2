package org.frontdoor.simulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The social workers of each team as the duty manager sees them: FTE, threshold, whether they hold cases
 * (absent workers do not) and the open cases each holds, so that allocation chooses a worker with room as
 * allocation-service counts it (open allocated cases per FTE against the threshold per FTE).
 */
final class Workforce {

    /** One worker and the cases they hold in the model. */
    static final class Worker {
        final String workerId;
        final String displayName;
        final String team;
        final BigDecimal fte;
        final BigDecimal threshold;
        boolean absent;
        final Set<Long> cases = new HashSet<>();
        /** Cases the worker already held when a live run started (from an earlier run); they stay. */
        int inherited;

        Worker(String workerId, String displayName, String team, BigDecimal fte, BigDecimal threshold) {
            this.workerId = workerId;
            this.displayName = displayName;
            this.team = team;
            this.fte = fte;
            this.threshold = threshold;
        }

        double casesPerFte() {
            return (cases.size() + inherited) / fte.doubleValue();
        }

        /** allocation-service's rule: at or over threshold means no room without an override. */
        boolean hasRoom() {
            return casesPerFte() < threshold.doubleValue();
        }
    }

    private final Map<String, List<Worker>> byTeam = new LinkedHashMap<>();
    private final Map<String, Worker> byId = new LinkedHashMap<>();
    private final Map<Long, Worker> holder = new HashMap<>();

    /**
     * Sizes each team so the steady-state caseload averages the target: open cases per team (referrals a
     * year per team times the mean time a case stays open) divided by the target cases per FTE.
     */
    static Workforce sized(SimulationConfig config, double meanCaseYears) {
        Workforce workforce = new Workforce();
        double referralsPerTeam = config.referralsPerYear() / config.teams().size();
        double fteNeeded = referralsPerTeam * meanCaseYears / config.caseloadTargetPerFte();
        BigDecimal threshold = BigDecimal.valueOf(config.caseloadThresholdPerFte());
        BigDecimal partTime = BigDecimal.valueOf(config.partTimeFte());
        int everyNth = config.partTimeShare() <= 0 ? Integer.MAX_VALUE : (int) Math.round(1 / config.partTimeShare());
        for (String team : config.teams()) {
            double fte = 0;
            int n = 0;
            while (fte < fteNeeded - 1e-9 || n == 0) {
                n++;
                BigDecimal workerFte = n % everyNth == 0 ? partTime : BigDecimal.ONE;
                String id = String.format("sw-%s-%02d", team, n);
                String name = String.format("Social worker %s %02d", team, n);
                workforce.add(new Worker(id, name, team, workerFte, threshold));
                fte += workerFte.doubleValue();
            }
        }
        return workforce;
    }

    private void add(Worker worker) {
        byTeam.computeIfAbsent(worker.team, t -> new ArrayList<>()).add(worker);
        byId.put(worker.workerId, worker);
    }

    List<Worker> all() {
        return List.copyOf(byId.values());
    }

    List<Worker> team(String team) {
        return byTeam.getOrDefault(team, List.of());
    }

    Worker worker(String workerId) {
        return byId.get(workerId);
    }

    /** Case-holding workers of the team, least loaded first (ties by id, so the choice is reproducible). */
    List<Worker> available(String team) {
        List<Worker> present = new ArrayList<>();
        for (Worker worker : team(team)) {
            if (!worker.absent) {
                present.add(worker);
            }
        }
        present.sort(Comparator.comparingDouble(Worker::casesPerFte).thenComparing(w -> w.workerId));
        return present;
    }

    void allocate(long caseKey, Worker worker) {
        Worker previous = holder.put(caseKey, worker);
        if (previous != null) {
            previous.cases.remove(caseKey);
        }
        worker.cases.add(caseKey);
    }

    void caseClosed(long caseKey) {
        Worker previous = holder.remove(caseKey);
        if (previous != null) {
            previous.cases.remove(caseKey);
        }
    }

    boolean isAllocated(long caseKey) {
        return holder.containsKey(caseKey);
    }

    /** Cases per FTE over every case-holding worker, as the CASELOAD indicator averages it. */
    double meanCasesPerFte() {
        double cases = 0;
        double fte = 0;
        for (Worker worker : byId.values()) {
            if (!worker.absent) {
                cases += worker.cases.size() + worker.inherited;
                fte += worker.fte.doubleValue();
            }
        }
        return fte == 0 ? 0 : cases / fte;
    }

    double totalFte() {
        return byId.values().stream().mapToDouble(w -> w.fte.doubleValue()).sum();
    }
}
