package org.tacit.library.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToTextContentHandler;
import org.apache.tika.sax.WriteOutContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * What a file is and what it says, with Apache Tika: the media type from the content itself (magic
 * bytes and container structure, never the name or the type the client claimed), and its plain text
 * for search. Text is limited in length and in parse time; a file Tika cannot read has no text.
 */
@Component
class FileAnalyzer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(FileAnalyzer.class);

	/** The most text kept of one file, in characters. */
	static final int TEXT_MAX = 1_000_000;
	/** The longest an upload waits for its text; a parse still running then is told to stop. */
	static final Duration PARSE_TIME = Duration.ofSeconds(30);
	static final String UNKNOWN = "application/octet-stream";

	/** What was found out about a file. */
	record Analysis(String mediaType, String text) {
	}

	/**
	 * Parsing runs on a few threads of its own: a parse that overruns its time cannot be killed, only
	 * abandoned, and must not take the threads that serve requests with it.
	 */
	private final ThreadPoolExecutor parsers;
	private volatile Tika tika;

	private record Tika(Detector detector, AutoDetectParser parser) {
	}

	FileAnalyzer() {
		AtomicInteger count = new AtomicInteger();
		this.parsers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), runnable -> {
			Thread thread = new Thread(runnable, "attachment-text-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Tika takes seconds to load all its parsers: done in the background once the web server is up. A
	 * command (an import, a reindex) loads it only if a file needs it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void warmUp(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
			return;
		}
		try {
			parsers.execute(this::tika);
		}
		catch (RejectedExecutionException e) {
			// busy already: the first file loads it
		}
	}

	Analysis analyze(Path file) {
		String mediaType = detect(file);
		return new Analysis(mediaType, extract(file, mediaType));
	}

	/** Tika's parsers, loaded once, on first use (or by {@link #warmUp}), not while the application starts. */
	private Tika tika() {
		Tika loaded = tika;
		if (loaded == null) {
			synchronized (this) {
				if (tika == null) {
					TikaConfig config = TikaConfig.getDefaultConfig();
					tika = new Tika(config.getDetector(), new AutoDetectParser(config));
				}
				loaded = tika;
			}
		}
		return loaded;
	}

	String detect(Path file) {
		try (TikaInputStream in = TikaInputStream.get(file)) {
			return tika().detector().detect(in, new Metadata()).getBaseType().toString();
		}
		catch (IOException | RuntimeException e) {
			log.info("Could not detect the type of an attachment: {}", e.toString());
			return UNKNOWN;
		}
	}

	String extract(Path file, String mediaType) {
		long deadline = System.nanoTime() + PARSE_TIME.toNanos();
		Future<String> parse;
		try {
			parse = parsers.submit(() -> parse(file, mediaType, deadline));
		}
		catch (RejectedExecutionException e) {
			log.warn("Too many attachments are being read at once; one is kept without its text");
			return "";
		}
		try {
			return parse.get(PARSE_TIME.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException e) {
			parse.cancel(true);
			log.warn("Reading the text of a {} attachment took longer than {}; it is kept without its text",
					mediaType, PARSE_TIME);
			return "";
		}
		catch (ExecutionException e) {
			log.info("Could not read the text of a {} attachment: {}", mediaType, e.getCause().toString());
			return "";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	private String parse(Path file, String mediaType, long deadline) throws IOException {
		StringWriter text = new StringWriter();
		ContentHandler handler = new BodyContentHandler(
				new InTime(new WriteOutContentHandler(new ToTextContentHandler(text), TEXT_MAX), deadline));
		ParseContext context = new ParseContext();
		TesseractOCRConfig noOcr = new TesseractOCRConfig();
		// recognizing text in images takes minutes and a program of its own: not while someone waits
		noOcr.setSkipOcr(true);
		context.set(TesseractOCRConfig.class, noOcr);
		try (TikaInputStream in = TikaInputStream.get(file)) {
			tika().parser().parse(in, handler, new Metadata(), context);
		}
		catch (Exception e) {
			if (WriteLimitReachedException.isWriteLimitReached(e)) {
				log.info("Only the first {} characters of a {} attachment are kept", TEXT_MAX, mediaType);
			}
			else if (InTime.isOutOfTime(e)) {
				log.warn("Reading the text of a {} attachment took longer than {}; the text read so far is kept",
						mediaType, PARSE_TIME);
			}
			else {
				log.info("Could not read the text of a {} attachment: {}", mediaType, e.toString());
				return "";
			}
		}
		return tidy(text.toString());
	}

	/** Plain text for a database column and a search index: no control characters, no runs of blanks. */
	static String tidy(String raw) {
		String text = raw.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ")
			.replaceAll("[ \\t\\u00a0]+", " ")
			.replaceAll(" ?\\n[ \\n]*", "\n")
			.strip();
		if (text.length() <= TEXT_MAX) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(TEXT_MAX - 1)) ? TEXT_MAX - 1 : TEXT_MAX;
		return text.substring(0, end);
	}

	@Override
	public void destroy() {
		parsers.shutdownNow();
	}

	/** Stops a parse that is out of time at the next piece of text it gives. */
	private static final class InTime extends ContentHandlerDecorator {

		private static final String OUT_OF_TIME = "Out of time for reading the text";
		private final long deadline;

		InTime(ContentHandler handler, long deadline) {
			super(handler);
			this.deadline = deadline;
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			check();
			super.characters(ch, start, length);
		}

		@Override
		public void startElement(String uri, String localName, String name, org.xml.sax.Attributes atts)
				throws SAXException {
			check();
			super.startElement(uri, localName, name, atts);
		}

		private void check() throws SAXException {
			if (System.nanoTime() - deadline > 0 || Thread.currentThread().isInterrupted()) {
				throw new SAXException(OUT_OF_TIME);
			}
		}

		static boolean isOutOfTime(Throwable e) {
			for (Throwable t = e; t != null; t = t.getCause()) {
				if (OUT_OF_TIME.equals(t.getMessage())) {
					return true;
				}
			}
			return false;
		}
	}
}
