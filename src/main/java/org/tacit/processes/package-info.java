/**
 * Process maps: BPMN 2.0 diagrams of an organization's processes whose steps link the knowledge needed
 * to do them (guidance, templates, checklists, lessons, experts, communities, web pages).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Process maps")
package org.tacit.processes;
