package org.frontdoor.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * Open-model load on {@code POST /contacts}: requests start at fixed intended times whatever the answers do,
 * and each latency is measured from its intended start (no coordinated omission: a stall counts for every
 * request that should have started during it).
 */
final class Ingest {

    /** One fixed-rate run. */
    record Step(double offered, double seconds, long sent, long ok, long errors, long unfinished, double achieved,
            Histogram latency, boolean aborted) {

        double p(double percentile) {
            return Stats.ms(latency, percentile);
        }

        /** Kept up: nearly everything offered completed, no errors, no runaway queue. */
        boolean sustained() {
            return !aborted && errors == 0 && unfinished == 0 && ok >= 0.97 * sent && achieved >= 0.95 * offered
                    && p(99) < 1000;
        }

        String describe() {
            return String.format("offered %s for %.0f s: %,d ok, %,d errors, %,d unfinished, achieved %s; "
                    + "p50 %s, p99 %s, p99.9 %s, max %s%s", Report.rate(offered), seconds, ok, errors, unfinished,
                    Report.rate(achieved), Report.ms(p(50)), Report.ms(p(99)), Report.ms(p(99.9)), Report.ms(p(100)),
                    aborted ? " (aborted: too many requests in flight)" : "");
        }
    }

    /** A created contact, for the freshness benchmark to decide later. */
    record Created(String contactId, String team) {
    }

    private final HttpClient client;
    private final String referralUrl;
    private final String run;
    private final List<String> teams;
    private final AtomicLong counter = new AtomicLong();
    final Queue<Created> created = new ConcurrentLinkedQueue<>();
    volatile boolean keepCreated;

    Ingest(HttpClient client, String referralUrl, String run, List<String> teams) {
        this.client = client;
        this.referralUrl = referralUrl;
        this.run = run;
        this.teams = teams;
    }

    private HttpRequest request(long n) {
        String team = teams.get((int) (n % teams.size()));
        String body = """
                {"childRef": "ing-%s-%d", "source": "%s", "channel": "EMAIL", "outOfHours": false, "team": "%s",
                 "child": {"birthMonth": "2015-06", "gender": "1", "ethnicity": "WBRI"}}"""
                .formatted(run, n, n % 3 == 0 ? "6" : "2A", team);
        return Http.postRequest(referralUrl + "/contacts", "worker", body);
    }

    /** Offers {@code rate} requests a second for {@code seconds}; waits up to 30 s for the stragglers. */
    Step run(double rate, double seconds, int maxInFlight) throws InterruptedException {
        Histogram histogram = Stats.histogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicLong lastDone = new AtomicLong();
        long total = (long) (rate * seconds);
        long interval = (long) (1e9 / rate);
        long start = System.nanoTime() + 20_000_000;
        long sent = 0;
        boolean aborted = false;
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                aborted = true;
                break;
            }
            inFlight.incrementAndGet();
            sent++;
            long n = counter.getAndIncrement();
            String team = teams.get((int) (n % teams.size()));
            client.sendAsync(request(n), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long now = System.nanoTime();
                inFlight.decrementAndGet();
                lastDone.accumulateAndGet(now, Math::max);
                if (failure == null && response.statusCode() == 201 || failure == null && response.statusCode() == 200) {
                    ok.incrementAndGet();
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(now - intended, histogram.getHighestTrackableValue()));
                    }
                    if (keepCreated) {
                        try {
                            created.add(new Created(Http.field(response.body(), "id"), team));
                        } catch (RuntimeException ignored) {
                            // not a contact answer
                        }
                    }
                } else {
                    errors.incrementAndGet();
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(now - intended, histogram.getHighestTrackableValue()));
                    }
                }
            });
        }
        long sendEnd = System.nanoTime();
        long deadline = sendEnd + TimeUnit.SECONDS.toNanos(30);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        double elapsed = (Math.max(lastDone.get(), sendEnd) - start) / 1e9;
        Histogram copy;
        synchronized (histogram) {
            copy = histogram.copy();
        }
        return new Step(rate, seconds, sent, ok.get(), errors.get(), inFlight.get(), ok.get() / elapsed, copy, aborted);
    }

    /** Steps the rate up by {@code factor} from {@code first} until a step is not sustained; returns every step. */
    List<Step> search(double first, double factor, double stepSeconds, double maxRate) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        double rate = first;
        while (rate <= maxRate) {
            Step step = run(rate, stepSeconds, (int) Math.max(200, rate));
            steps.add(step);
            System.out.println("[bench]   ingest " + step.describe());
            if (!step.sustained()) {
                break;
            }
            Thread.sleep(2000);
            rate *= factor;
        }
        return steps;
    }
}
