package org.tacit.library;

import java.nio.file.Path;
import java.util.List;

/**
 * Imports a folder of Markdown files into a space: one item per file, title, kind, summary and tags
 * from its front matter. Running it again updates what changed and leaves the rest alone.
 */
public interface MarkdownImport {

	/** What an import did; {@code problems} names each file that was skipped and why. */
	record Result(int created, int updated, int unchanged, List<String> problems) {
	}

	/** Told after each file: how many are done out of how many. */
	interface Progress {

		void done(int done, int total);
	}

	/**
	 * @param org the organization's slug
	 * @param space the space key
	 * @param folder the folder to read, with its sub-folders
	 * @param actingPerson id or email of the member the items are created as; null for the first administrator
	 * @param publish whether new items are published (the acting person must be an editor) or left as drafts
	 */
	Result importFolder(String org, String space, Path folder, String actingPerson, boolean publish, Progress progress);
}
