/**
 * One search box over everything an organization knows, on an embedded Apache Lucene index that can
 * always be rebuilt from the database. Modules put their records in with {@link org.tacit.search.SearchIndex}
 * and offer them for a rebuild as a {@link org.tacit.search.SearchSource}; who may see what is asked of
 * {@link org.tacit.search.SearchAccess} and applied inside the query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search and discovery")
package org.tacit.search;
