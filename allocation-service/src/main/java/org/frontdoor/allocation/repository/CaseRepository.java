package org.frontdoor.allocation.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.allocation.domain.Case;
import org.frontdoor.allocation.domain.CaseStatus;

/** Stores cases as allocation sees them and reads the unallocated queue. */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    /** Open cases nobody holds, longest waiting first. */
    public List<Case> queue(String team) {
        return team == null
                ? list("status = ?1 and workerId is null order by waitingSince, caseId", CaseStatus.OPEN)
                : list("status = ?1 and workerId is null and team = ?2 order by waitingSince, caseId", CaseStatus.OPEN,
                        team);
    }
}
