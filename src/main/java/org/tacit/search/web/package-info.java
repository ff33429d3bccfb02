/** The search pages: results with facets, answers as you type, knowledge gaps and synonyms. */
package org.tacit.search.web;
