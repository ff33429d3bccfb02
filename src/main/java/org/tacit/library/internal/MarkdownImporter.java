package org.tacit.library.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The Markdown folder import. Each file is its own transaction, so one bad file is reported and
 * skipped without undoing the others; the file's path inside the folder identifies its item on the
 * next run.
 */
@Service
class MarkdownImporter implements MarkdownImport {

	/** Files larger than this cannot hold a valid body and are not read. */
	private static final long MAX_FILE_BYTES = 1_000_000;

	private final Organizations organizations;
	private final ItemService items;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final Texts texts;
	private final AttachmentService attachments;

	MarkdownImporter(Organizations organizations, ItemService items, JdbcClient jdbc, TransactionTemplate transaction,
			Texts texts, AttachmentService attachments) {
		this.organizations = organizations;
		this.items = items;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.texts = texts;
		this.attachments = attachments;
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
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < files.size(); i++) {
			Path file = files.get(i);
			String key = folder.relativize(file).toString().replace('\\', '/');
			try {
				Outcome outcome = transaction.execute(status -> importFile(access, space, folder, file, key, publish));
				switch (outcome) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (ProblemException e) {
				problems.add(key + ": " + describe(e));
			}
			catch (RuntimeException e) {
				problems.add(key + ": " + e.getMessage());
			}
			progress.done(i + 1, files.size());
		}
		return new Result(created, updated, unchanged, problems);
	}

	private enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	private Outcome importFile(OrgAccess access, String space, Path folder, Path file, String key, boolean publish) {
		Parsed parsed = parse(file);
		ItemService.Content content = new ItemService.Content(parsed.kind, parsed.title, parsed.summary, parsed.body,
				parsed.tags, null, null, "Imported from " + key);
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
		Path root = folder.toAbsolutePath().normalize();
		java.util.Set<String> present = new java.util.HashSet<>();
		attachments.list(access, item).forEach(a -> present.add(a.fileName()));
		boolean added = false;
		for (String target : linkTargets(body)) {
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
