package org.tacit.measurement.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.Organizations;
import org.tacit.organizations.PersonId;

/** The CSV files of the API and the pages: every figure (with its breakdown) and the value register. */
@Service
public class Exports {

	private final FigureService figures;
	private final StoryService stories;
	private final Organizations organizations;

	Exports(FigureService figures, StoryService stories, Organizations organizations) {
		this.figures = figures;
		this.stories = stories;
		this.organizations = organizations;
	}

	@Transactional(readOnly = true)
	public ResponseEntity<byte[]> metrics(OrgAccess access, Period period) {
		FigureService.Report report = figures.report(access, period);
		Map<Metric, List<FigureService.Part>> parts = figures.breakdowns(access, period,
				report.figures().stream().map(Figure::metric).filter(m -> !Csv.byOf(m).isEmpty()).toList(), Csv::byOf);
		String body = Csv.figures(report, (Figure f) -> parts.getOrDefault(f.metric(), List.of()));
		return csv("tacit-metrics-" + period.from() + "-" + period.to() + ".csv", body);
	}

	@Transactional(readOnly = true)
	public ResponseEntity<byte[]> stories(OrgAccess access, Period period) {
		List<Story> all = stories.export(access, period);
		Set<PersonId> people = new HashSet<>();
		all.forEach(s -> {
			people.add(s.reportedBy());
			if (s.confirmedBy() != null) {
				people.add(s.confirmedBy());
			}
		});
		Map<PersonId, String> names = people.isEmpty() ? Map.of() : organizations.names(people);
		String body = Csv.stories(all, s -> names.getOrDefault(s.reportedBy(), ""),
				s -> names.getOrDefault(s.confirmedBy(), ""));
		return csv("tacit-value-" + period.from() + "-" + period.to() + ".csv", body);
	}

	private static ResponseEntity<byte[]> csv(String fileName, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(body.getBytes(StandardCharsets.UTF_8));
	}
}
