/** The REST API of expertise, experts, the risk register, transfer plans and handover. */
package org.tacit.retention.api;
