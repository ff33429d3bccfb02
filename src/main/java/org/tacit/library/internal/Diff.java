package org.tacit.library.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

/** A readable line-by-line comparison of two versions: title, summary, tags and body. */
public final class Diff {

	/** One row of a side-by-side comparison. */
	public record Row(String change, String before, String after) {
	}

	private Diff() {
	}

	public static List<Row> between(ItemStore.Version from, ItemStore.Version to) {
		DiffRowGenerator generator = DiffRowGenerator.create()
			.showInlineDiffs(false)
			.ignoreWhiteSpaces(false)
			.lineNormalizer(line -> line)
			.build();
		List<DiffRow> rows = generator.generateDiffRows(lines(from), lines(to));
		List<Row> result = new ArrayList<>(rows.size());
		for (DiffRow row : rows) {
			result.add(new Row(row.getTag().name(), row.getOldLine(), row.getNewLine()));
		}
		return result;
	}

	private static List<String> lines(ItemStore.Version version) {
		List<String> lines = new ArrayList<>();
		lines.add("# " + version.title());
		lines.add("Kind: " + version.kind());
		lines.add("Summary: " + version.summary());
		lines.add("Tags: " + String.join(", ", version.tags()));
		lines.add("");
		lines.addAll(version.body().lines().toList());
		return lines;
	}
}
