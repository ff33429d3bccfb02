/** Storage and rules of communities, charters, membership, threads and posts, health and search. */
package org.tacit.communities.internal;
