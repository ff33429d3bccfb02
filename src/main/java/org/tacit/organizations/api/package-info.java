/** The REST API of organizations and access under /api/v1. */
package org.tacit.organizations.api;
