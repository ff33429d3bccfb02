/** The search REST API: searching, knowledge gaps and synonyms of an organization. */
package org.tacit.search.api;
