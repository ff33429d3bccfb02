/** The browser pages of the library: spaces, items, the editor, history and the review queue. */
package org.tacit.library.web;
