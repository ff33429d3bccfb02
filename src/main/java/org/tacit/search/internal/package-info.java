/** The Lucene index behind search: writing, querying, permissions, synonyms, knowledge gaps and rebuilds. */
package org.tacit.search.internal;
