package org.frontdoor.referral.repository;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.frontdoor.referral.domain.Contact;

/** Stores contacts. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {
}
