/** The REST API of communities, their charters, members, threads and posts. */
package org.tacit.communities.api;
