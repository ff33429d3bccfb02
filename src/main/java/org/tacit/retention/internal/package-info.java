/** Storage and rules of expertise profiles, derived expertise, the risk register, transfer plans and handover. */
package org.tacit.retention.internal;
