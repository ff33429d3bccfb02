package org.tacit.measurement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tacit.measurement.KmFigures;
import org.tacit.organizations.OrgAccess;
import org.tacit.organizations.OrgId;
import org.tacit.organizations.Role;

/** The figures for other modules ({@link KmFigures}), computed by {@link FigureService}. */
@Service
class KmFiguresFacade implements KmFigures {

	private final FigureService figures;

	KmFiguresFacade(FigureService figures) {
		this.figures = figures;
	}

	@Override
	public List<String> names() {
		return Arrays.stream(Metric.values()).map(Metric::key).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<FigureValue> figure(OrgId org, String name, Instant from, Instant to) {
		Optional<Metric> metric = Metric.of(name == null ? "" : name.strip());
		if (metric.isEmpty() || org == null || from == null || to == null) {
			return Optional.empty();
		}
		LocalDate start = LocalDate.ofInstant(from, ZoneOffset.UTC);
		LocalDate end = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
		Period period = new Period(start, end.isBefore(start) ? start : end);
		// figures are the organization's, the same for every member: a trusted access of the organization
		Figure figure = figures.figure(new OrgAccess(org, "", "", null, Role.ADMIN), metric.get(), period);
		Target target = figure.target();
		return Optional.of(new FigureValue(figure.name(), figure.value(), figure.metric().unit().name(),
				target == null ? null : target.value(), target == null ? null : target.direction().name(),
				target == null || figure.value() == null ? null : target.met(figure.value()),
				"measurement/metrics/" + figure.name()));
	}
}
