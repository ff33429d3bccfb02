/** The measurement pages: the dashboard, a figure's drill-down, targets, the value register and the executive summary. */
package org.tacit.measurement.web;
