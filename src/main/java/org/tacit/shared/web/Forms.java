package org.tacit.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tacit.shared.ProblemException;
import org.tacit.shared.Texts;

/** Puts a refused form's messages where the page shows them: next to each field, or above the form. */
@Component
public class Forms {

	private final Texts texts;

	Forms(Texts texts) {
		this.texts = texts;
	}

	/** Adds {@code errors} (field name to message) and {@code formError} to the model. */
	public void reject(Model model, ProblemException problem) {
		reject(model, problem, Map.of());
	}

	/** As {@link #reject(Model, ProblemException)}, for a page whose inputs are named differently from the API's fields. */
	public void reject(Model model, ProblemException problem, Map<String, String> inputOfField) {
		Map<String, String> errors = new LinkedHashMap<>();
		problem.fields().forEach(f -> errors.putIfAbsent(inputOfField.getOrDefault(f.field(), f.field()),
				texts.get(f.messageKey(), f.arguments())));
		model.addAttribute("errors", errors);
		model.addAttribute("formError", texts.get(problem.messageKey(), problem.arguments()));
	}
}
