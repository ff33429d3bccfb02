/** The pages of expertise, experts, the risk register, transfer plans and handover, and the module's "My work". */
package org.tacit.retention.web;
