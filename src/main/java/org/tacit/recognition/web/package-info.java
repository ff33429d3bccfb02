/** Recognition pages: a person's record and kudos, a manager's team, settings, expectations, leaderboards. */
package org.tacit.recognition.web;
