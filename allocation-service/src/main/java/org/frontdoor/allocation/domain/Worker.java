package org.frontdoor.allocation.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A social worker who may hold cases: their team, hours (FTE) and, if set, their own caseload threshold. */
@Entity
@Table(name = "worker")
public class Worker {

    @Id
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "display_name")
    private String displayName;
    private String team;
    private BigDecimal fte;
    @Column(name = "case_holding")
    private boolean caseHolding;
    @Column(name = "caseload_threshold")
    private BigDecimal caseloadThreshold;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Worker() {
    }

    public Worker(String workerId) {
        this.workerId = workerId;
    }

    /** Replaces the worker's details (PUT semantics). */
    public void update(String newDisplayName, String newTeam, BigDecimal newFte, boolean newCaseHolding,
            BigDecimal newThreshold, Instant at) {
        this.displayName = newDisplayName;
        this.team = newTeam;
        this.fte = newFte;
        this.caseHolding = newCaseHolding;
        this.caseloadThreshold = newThreshold;
        this.updatedAt = at;
    }

    public String workerId() {
        return workerId;
    }

    public String displayName() {
        return displayName;
    }

    public String team() {
        return team;
    }

    public BigDecimal fte() {
        return fte;
    }

    public boolean caseHolding() {
        return caseHolding;
    }

    public BigDecimal caseloadThreshold() {
        return caseloadThreshold;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Double ownThresholdPerFte() {
        return caseloadThreshold == null ? null : caseloadThreshold.doubleValue();
    }
}
