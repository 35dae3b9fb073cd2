package org.frontdoor.metrics.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.frontdoor.metrics.domain.Indicator;
import org.frontdoor.metrics.domain.IndicatorFilter;
import org.frontdoor.metrics.repository.CaseFactRepository;
import org.frontdoor.metrics.repository.ContactFactRepository;

/**
 * Answers "how is the front door doing over this period" for performance staff: one aggregate query per
 * indicator family over the fact tables, turned into indicators by the domain.
 */
@ApplicationScoped
public class IndicatorService {

    private final ContactFactRepository contacts;
    private final CaseFactRepository cases;

    public IndicatorService(ContactFactRepository contacts, CaseFactRepository cases) {
        this.contacts = contacts;
        this.cases = cases;
    }

    /** Every indicator this service knows, in DOMAIN.md §5 order. */
    @Transactional
    public List<Indicator> indicators(IndicatorFilter filter) {
        List<Indicator> indicators = new ArrayList<>(contacts.count(filter).indicators());
        indicators.addAll(cases.count(filter).indicators());
        return indicators;
    }
}
