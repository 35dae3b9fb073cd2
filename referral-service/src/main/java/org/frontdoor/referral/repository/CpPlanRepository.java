package org.frontdoor.referral.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.referral.domain.CpPlan;

/** Answers the child's plan history, which spans cases: a repeat plan is any earlier plan for the child. */
@ApplicationScoped
public class CpPlanRepository implements PanacheRepositoryBase<CpPlan, UUID> {

    public int countForChild(String childRef) {
        return (int) count("childRef", childRef);
    }
}
