/** The measurement REST API: figures, drill-downs, value stories, targets, the improvement list and CSV exports. */
package org.tacit.measurement.api;
