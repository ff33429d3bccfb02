/** The process maps' pages: list, process page with the map and step panel, link editor, versions and diffs. */
package org.tacit.processes.web;
