package org.tacit.retention;

/** Where a total risk (attrition × position, 1 to 25) falls; the limits are set per organization. */
public enum RiskBand {

	LOW, MEDIUM, HIGH
}
