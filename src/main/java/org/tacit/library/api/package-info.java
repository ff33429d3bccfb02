/** The REST API of the knowledge library under /api/v1/orgs/{org}. */
package org.tacit.library.api;
