/** The process maps' REST API under /api/v1/orgs/{org}/processes. */
package org.tacit.processes.api;
