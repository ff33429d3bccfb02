package org.tacit.recognition.web;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.core.convert.ConversionService;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A knowledge-sharing record as a PDF: the record's sections rendered by the same templates as its page
 * (so the two never disagree), laid out by openhtmltopdf. Text is set in DejaVu Sans when the system has
 * it (most Linux systems do), which covers far more scripts than the PDF standard fonts.
 */
@Component
class RecordPdf {

	/** Where Debian and most Linux distributions keep DejaVu Sans. */
	private static final File[] FONTS = { new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
			new File("/usr/share/fonts/dejavu/DejaVuSans.ttf") };
	private static final File[] BOLD_FONTS = { new File("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
			new File("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf") };

	private final SpringTemplateEngine templates;
	private final ApplicationContext context;

	RecordPdf(SpringTemplateEngine templates, ApplicationContext context) {
		this.templates = templates;
		this.context = context;
	}

	byte[] render(String template, Map<String, Object> model, Locale locale, HttpServletRequest request,
			HttpServletResponse response) {
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, response);
		WebContext web = new WebContext(exchange, locale, model);
		// lets templates call beans (@dates) as they do on pages
		web.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, context.getBean(ConversionService.class)));
		String html = templates.process(template, web);
		String base = request.getRequestURL().toString();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			// the page needs nothing from outside: no request leaves the server while rendering
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.useExternalResourceAccessControl((uri, type) -> false,
					ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
			font(builder, FONTS, 400);
			font(builder, BOLD_FONTS, 700);
			builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html, base)), base);
			builder.toStream(out);
			builder.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void font(PdfRendererBuilder builder, File[] candidates, int weight) {
		for (File file : candidates) {
			if (file.canRead()) {
				builder.useFont(file, "DejaVu Sans", weight, PdfRendererBuilder.FontStyle.NORMAL, true);
				return;
			}
		}
	}
}
