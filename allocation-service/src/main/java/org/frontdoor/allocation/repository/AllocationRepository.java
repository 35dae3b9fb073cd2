package org.frontdoor.allocation.repository;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Allocation;

/** Stores the history of allocations. */
@ApplicationScoped
public class AllocationRepository implements PanacheRepositoryBase<Allocation, UUID> {

    public Optional<Allocation> findCurrent(UUID caseId) {
        return find("caseId = ?1 and endedAt is null", caseId).firstResultOptional();
    }
}
