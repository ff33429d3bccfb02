/** The figures, the value register, targets and the improvement list, and their CSV form. */
package org.tacit.measurement.internal;
