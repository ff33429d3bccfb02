/**
 * Organizations and access: tenants, people, membership roles, sign-in, API tokens and the audit log.
 * Other modules use {@link org.tacit.organizations.Organizations} to resolve the organization of a
 * request and {@link org.tacit.organizations.AuditLog} to record their changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organizations and access")
package org.tacit.organizations;
