package org.frontdoor.referral.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.referral.domain.Contact;
import org.frontdoor.referral.domain.ContactStatus;

/** Stores contacts. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    /** A page of contacts, oldest first, received within {@code [from, to)} when given. */
    public List<Contact> search(ContactStatus status, String team, Instant from, Instant to, int page, int size) {
        return query(status, team, from, to).page(page, size).list();
    }

    public long count(ContactStatus status, String team, Instant from, Instant to) {
        return query(status, team, from, to).count();
    }

    private PanacheQuery<Contact> query(ContactStatus status, String team, Instant from, Instant to) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        if (team != null) {
            where.append(" and team = :team");
            parameters.and("team", team);
        }
        if (from != null) {
            where.append(" and receivedAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            where.append(" and receivedAt < :to");
            parameters.and("to", to);
        }
        return find(where + " order by receivedAt, id", parameters);
    }
}
