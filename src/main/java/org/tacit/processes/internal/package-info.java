/** The process maps' parts: BPMN reading, processes and versions, step links, search and record lookup. */
package org.tacit.processes.internal;
