package io.warden.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads organizations. */
@ApplicationScoped
public class OrganizationService {

    @PersistenceContext(unitName = "warden")
    EntityManager entityManager;

    /** Returns the organization's name, or null if it does not exist. */
    public String name(String organizationId) {
        Organization organization = entityManager.find(Organization.class, organizationId);
        return organization == null ? null : organization.getName();
    }
}
