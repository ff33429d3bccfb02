/** The ledger, its sources, kudos, settings, badges, expectations and the knowledge-sharing record. */
package org.tacit.recognition.internal;
