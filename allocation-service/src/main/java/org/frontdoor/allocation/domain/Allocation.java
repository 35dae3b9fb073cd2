package org.frontdoor.allocation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One period of a worker holding a case: the history behind every allocation and reallocation. */
@Entity
@Table(name = "allocation")
public class Allocation {

    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Column(name = "worker_id")
    private String workerId;
    @Column(name = "allocated_at")
    private Instant allocatedAt;
    @Column(name = "allocated_by")
    private String allocatedBy;
    @Column(name = "override_reason")
    private String overrideReason;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "end_reason")
    private String endReason;

    protected Allocation() {
    }

    public Allocation(UUID caseId, String workerId, Instant allocatedAt, String allocatedBy, String overrideReason) {
        this.id = UUID.randomUUID();
        this.caseId = caseId;
        this.workerId = workerId;
        this.allocatedAt = allocatedAt;
        this.allocatedBy = allocatedBy;
        this.overrideReason = overrideReason;
    }

    public void end(Instant at, String reason) {
        this.endedAt = at;
        this.endReason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public String workerId() {
        return workerId;
    }

    public Instant allocatedAt() {
        return allocatedAt;
    }

    public String allocatedBy() {
        return allocatedBy;
    }

    public String overrideReason() {
        return overrideReason;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
