package org.tacit.library.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.tacit.library.ItemId;
import org.tacit.library.ItemStatus;
import org.tacit.library.MarkdownImport;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/**
 * The Markdown folder import. New files are written in batches of {@value #BATCH}, one transaction and
 * one JDBC batch per table each; a batch that fails is written again file by file, so one bad file is
 * reported and skipped without undoing the others. Files already imported (the file's path inside the
 * folder identifies its item) are compared and updated one by one. The import stays at most a batch
 * ahead of the search index and returns when the index holds every new item.
 */
@Service
class MarkdownImporter implements MarkdownImport {

	/** Files larger than this cannot hold a valid body and are not read. */
	private static final long MAX_FILE_BYTES = 1_000_000;
	static final int BATCH = 500;
	/** How long the end of an import waits for the index before leaving the rest to the event registry. */
	private static final Duration INDEX_WAIT = Duration.ofMinutes(30);

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MarkdownImporter.class);

	private final Organizations organizations;
	private final ItemService items;
	private final SpaceService spaces;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Texts texts;
	private final AttachmentService attachments;
	private final ImportIndexing indexing;

	MarkdownImporter(Organizations organizations, ItemService items, SpaceService spaces, JdbcClient jdbc,
			TransactionTemplate transaction, Texts texts, AttachmentService attachments, ImportIndexing indexing) {
		this.organizations = organizations;
		this.items = items;
		this.spaces = spaces;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.texts = texts;
		this.attachments = attachments;
		this.indexing = indexing;
	}

	@Override
	public Result importFolder(String org, String space, Path folder, String actingPerson, boolean publish,
			Progress progress) {
		OrgAccess access = organizations.accessAs(org, actingPerson);
		if (!Files.isDirectory(folder)) {
			throw new IllegalArgumentException("Not a folder: " + folder);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = walk.filter(Files::isRegularFile)
				.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(md|markdown)$"))
				.sorted()
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Optional<Space> target = space == null || space.isBlank() ? Optional.empty() : spaces.find(access, space);
		// the files imported before, read once: an IN list of a batch's keys would scan the organization's items
		java.util.Set<String> existing = new java.util.HashSet<>(jdbc
			.sql("SELECT source_key FROM library_item WHERE org_id = ? AND source_key IS NOT NULL")
			.param(access.orgId().value())
			.query(String.class)
			.list());
		Tally tally = new Tally(files.size(), progress);
		for (int from = 0; from < files.size(); from += BATCH) {
			List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
			indexing.awaitAtMost(1, INDEX_WAIT);
			importBatch(access, space, target, folder, batch, existing, publish, tally);
		}
		if (!indexing.awaitAtMost(0, INDEX_WAIT)) {
			log.warn("The search index has not caught up with the import yet; it will, from the event publication registry");
		}
		return new Result(tally.created, tally.updated, tally.unchanged, tally.problems);
	}

	/** Counts what happened to each file, in the order of the files, and reports progress. */
	private static final class Tally {

		final int total;
		final Progress progress;
		int done;
		int created;
		int updated;
		int unchanged;
		final List<String> problems = new ArrayList<>();

		Tally(int total, Progress progress) {
			this.total = total;
			this.progress = progress;
		}

		void count(Outcome outcome) {
			switch (outcome) {
				case CREATED -> created++;
				case UPDATED -> updated++;
				case UNCHANGED -> unchanged++;
			}
			progress.done(++done, total);
		}

		void problem(String problem) {
			problems.add(problem);
			progress.done(++done, total);
		}
	}

	/** A file of a batch, read and checked, or the reason it cannot be imported. */
	private record Read(Path file, String key, Parsed parsed, ItemService.Checked checked, String problem) {
	}

	private void importBatch(OrgAccess access, String spaceKey, Optional<Space> space, Path folder, List<Path> batch,
			java.util.Set<String> existing, boolean publish, Tally tally) {
		Map<String, Path> byKey = new LinkedHashMap<>();
		batch.forEach(file -> byKey.put(folder.relativize(file).toString().replace('\\', '/'), file));
		List<Read> fresh = new ArrayList<>();
		Map<String, Object> outcomes = new LinkedHashMap<>();
		for (Map.Entry<String, Path> entry : byKey.entrySet()) {
			String key = entry.getKey();
			if (existing.contains(key)) {
				outcomes.put(key, null); // updated one by one below, in order
				continue;
			}
			try {
				Parsed parsed = parse(entry.getValue());
				Space target = space.orElseThrow(() -> spaceKey == null || spaceKey.isBlank()
						? ProblemException.invalid("space", "problem.field.required")
						: ProblemException.invalid("space", "item.space.unknown"));
				ItemService.Checked checked = items.checkNew(access, target, content(parsed, key));
				Read read = new Read(entry.getValue(), key, parsed, checked, null);
				fresh.add(read);
				outcomes.put(key, read);
			}
			catch (RuntimeException e) {
				outcomes.put(key, problem(key, e));
			}
		}
		Map<String, Outcome> written = writeNew(access, spaceKey, space, folder, fresh, publish);
		for (Map.Entry<String, Object> entry : outcomes.entrySet()) {
			String key = entry.getKey();
			Object outcome = entry.getValue();
			if (outcome == null) {
				importOne(access, spaceKey, folder, byKey.get(key), key, publish, tally);
			}
			else if (outcome instanceof String problem) {
				tally.problem(problem);
			}
			else if (written.get(key) != null) {
				tally.count(written.get(key));
			}
			else {
				// the batch failed as a whole: this file on its own, to find out which file was at fault
				importOne(access, spaceKey, folder, byKey.get(key), key, publish, tally);
			}
		}
	}

	/** The new files of a batch in one transaction; empty when it failed (the caller retries them one by one). */
	private Map<String, Outcome> writeNew(OrgAccess access, String spaceKey, Optional<Space> space, Path folder,
			List<Read> fresh, boolean publish) {
		if (fresh.isEmpty()) {
			return Map.of();
		}
		List<ItemService.Imported> imported = fresh.stream()
			.map(r -> new ItemService.Imported(ItemId.random(), r.checked(), r.key()))
			.toList();
		ItemId batchId = imported.get(0).id();
		indexing.submitted(batchId);
		try {
			transaction.executeWithoutResult(status -> {
				items.createImported(access, space.orElseThrow(), imported, publish);
				for (int i = 0; i < fresh.size(); i++) {
					Read read = fresh.get(i);
					attachLinkedFiles(access, imported.get(i).id(), folder, read.file(), read.parsed().body);
				}
			});
		}
		catch (RuntimeException e) {
			indexing.done(List.of(batchId));
			log.debug("An import batch failed; its files are imported one by one", e);
			return Map.of();
		}
		Map<String, Outcome> written = new java.util.HashMap<>();
		fresh.forEach(r -> written.put(r.key(), Outcome.CREATED));
		return written;
	}

	/** One file in its own transaction: an update of an imported item, or a file of a batch that failed. */
	private void importOne(OrgAccess access, String space, Path folder, Path file, String key, boolean publish,
			Tally tally) {
		try {
			tally.count(transaction.execute(status -> importFile(access, space, folder, file, key, publish)));
		}
		catch (RuntimeException e) {
			tally.problem(problem(key, e));
		}
	}

	private String problem(String key, RuntimeException e) {
		return key + ": " + (e instanceof ProblemException problem ? describe(problem) : e.getMessage());
	}

	private static ItemService.Content content(Parsed parsed, String key) {
		return new ItemService.Content(parsed.kind, parsed.title, parsed.summary, parsed.body, parsed.tags, null, null,
				"Imported from " + key);
	}

	private enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	private Outcome importFile(OrgAccess access, String space, Path folder, Path file, String key, boolean publish) {
		Parsed parsed = parse(file);
		ItemService.Content content = content(parsed, key);
		Optional<UUID> existing = jdbc.sql("SELECT id FROM library_item WHERE org_id = ? AND source_key = ?")
			.params(access.orgId().value(), key)
			.query(UUID.class)
			.optional();
		if (existing.isPresent()) {
			Item item = items.get(access, new ItemId(existing.get()));
			boolean attached = attachLinkedFiles(access, item.id(), folder, file, parsed.body);
			if (same(item, parsed)) {
				return attached ? Outcome.UPDATED : Outcome.UNCHANGED;
			}
			items.update(access, item.id(), item.version(), content);
			return Outcome.UPDATED;
		}
		Item item = items.create(access, space, content);
		jdbc.sql("UPDATE library_item SET source_key = ? WHERE id = ?").params(key, item.id().value()).update();
		attachLinkedFiles(access, item.id(), folder, file, parsed.body);
		if (publish) {
			items.transition(access, item.id(), ItemStatus.IN_REVIEW.name(), null);
			items.transition(access, item.id(), ItemStatus.PUBLISHED.name(), null);
		}
		return Outcome.CREATED;
	}

	/**
	 * Files the Markdown links to by a relative path inside the imported folder (documents, images)
	 * become attachments of the item, once: a file name the item already has is not attached again.
	 */
	private boolean attachLinkedFiles(OrgAccess access, ItemId item, Path folder, Path file, String body) {
		List<String> targets = linkTargets(body);
		if (targets.isEmpty()) {
			return false;
		}
		Path root = folder.toAbsolutePath().normalize();
		java.util.Set<String> present = new java.util.HashSet<>();
		attachments.list(access, item).forEach(a -> present.add(a.fileName()));
		boolean added = false;
		for (String target : targets) {
			if (target.isBlank() || target.contains(":") || target.startsWith("/") || target.startsWith("#")) {
				continue;
			}
			String path = java.net.URLDecoder.decode(target.replaceAll("[?#].*$", ""), StandardCharsets.UTF_8);
			Path linked = file.toAbsolutePath().getParent().resolve(path).normalize();
			String name = linked.getFileName() == null ? "" : linked.getFileName().toString();
			if (!linked.startsWith(root) || !Files.isRegularFile(linked) || name.matches("(?i).*\\.(md|markdown)$")
					|| present.contains(name)) {
				continue;
			}
			try (java.io.InputStream content = Files.newInputStream(linked)) {
				attachments.add(access, item, name, content);
				present.add(name);
				added = true;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return added;
	}

	private static List<String> linkTargets(String body) {
		List<String> targets = new ArrayList<>();
		if (!body.contains("](") && !body.contains("]:")) {
			return targets; // no inline link or image and no link definition: nothing to parse for
		}
		org.commonmark.parser.Parser.builder().build().parse(body).accept(new org.commonmark.node.AbstractVisitor() {

			@Override
			public void visit(org.commonmark.node.Link link) {
				targets.add(link.getDestination());
				visitChildren(link);
			}

			@Override
			public void visit(org.commonmark.node.Image image) {
				targets.add(image.getDestination());
			}
		});
		return targets;
	}

	private static boolean same(Item item, Parsed parsed) {
		return item.title().equals(parsed.title.strip()) && item.summary().equals(parsed.summary.strip())
				&& item.body().equals(parsed.body) && item.kind().name().equalsIgnoreCase(parsed.kind)
				&& item.tags().equals(ItemService.tags(parsed.tags));
	}

	private record Parsed(String title, String kind, String summary, String body, List<String> tags) {
	}

	/**
	 * Reads a file: an optional front matter block between "---" lines with "key: value" lines
	 * (title, kind, summary, tags as "a, b" or "[a, b]"), then the Markdown body. Without a title,
	 * the first "# heading" or the file name serves.
	 */
	static Parsed parse(Path file) {
		String text;
		try {
			if (Files.size(file) > MAX_FILE_BYTES) {
				throw ProblemException.invalid("body", "problem.field.tooLong", ItemService.BODY_MAX);
			}
			text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException e) {
			throw ProblemException.invalid("body", "import.encoding");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Map<String, String> meta = new LinkedHashMap<>();
		String body = text.replace("\r\n", "\n");
		if (body.startsWith("---\n")) {
			int end = body.indexOf("\n---", 4);
			if (end > 0) {
				for (String line : body.substring(4, end).split("\n")) {
					int colon = line.indexOf(':');
					if (colon > 0) {
						meta.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), unquote(line.substring(colon + 1).strip()));
					}
				}
				int next = body.indexOf('\n', end + 4);
				body = next < 0 ? "" : body.substring(next + 1);
			}
		}
		String title = meta.get("title");
		if (title == null || title.isBlank()) {
			title = body.lines().filter(l -> l.startsWith("# ")).findFirst().map(l -> l.substring(2).strip())
				.orElse(file.getFileName().toString().replaceAll("\\.(md|markdown)$", ""));
		}
		String tags = meta.getOrDefault("tags", "").replaceAll("^\\[|\\]$", "");
		return new Parsed(title.length() > ItemService.TITLE_MAX ? title.substring(0, ItemService.TITLE_MAX) : title,
				meta.getOrDefault("kind", "ARTICLE"), meta.getOrDefault("summary", ""), body,
				Arrays.stream(tags.split(",")).map(t -> unquote(t.strip())).filter(t -> !t.isEmpty()).toList());
	}

	private static String unquote(String value) {
		if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
			return value.substring(1, value.length() - 1);
		}
		return value;
	}

	private String describe(ProblemException e) {
		if (e.fields().isEmpty()) {
			return texts.get(e.messageKey(), e.arguments());
		}
		ProblemException.FieldProblem field = e.fields().get(0);
		return field.field() + ": " + texts.get(field.messageKey(), field.arguments());
	}
}
