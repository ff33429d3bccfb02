/** The recognition REST API: ledgers, kudos, records and team records, settings, expectations, leaderboards. */
package org.tacit.recognition.api;
