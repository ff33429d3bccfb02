package org.tacit.processes.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tacit.shared.ProblemException;

/**
 * Reads a BPMN 2.0 file into its steps. The bytes are checked before the model library sees them: a
 * size limit, well-formed XML without any DOCTYPE (so no entity of any kind, internal or external, is
 * ever declared), and a BPMN {@code definitions} root. Then the Camunda BPMN model library parses and
 * validates the file against the BPMN 2.0 schema (its own parser also refuses DOCTYPEs and external
 * entities), and the steps, their lanes and pools and the diagram interchange (DI) are read from the model.
 */
@Component
public class BpmnReader {

	/** The largest diagram accepted, in bytes (documented in docs/processes.md). */
	public static final int MAX_BYTES = 5 * 1024 * 1024;
	/** The most flow nodes one diagram may have. */
	public static final int MAX_STEPS = 5_000;
	static final int ID_MAX = 255;
	static final int NAME_MAX = 500;
	private static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/** One flow node: a task, sub-process, call activity, event or gateway. */
	public record Step(String id, String name, String type, String lane, String pool, int position) {

		/** What people read: the name, else the type in words ("user task"). */
		public String label() {
			return name == null || name.isEmpty() ? typeWords() : name;
		}

		public String typeWords() {
			return type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
		}
	}

	/** What a file holds: its steps in document order, and whether it is a collaboration of pools. */
	public record Diagram(List<Step> steps, int pools, int lanes) {
	}

	public Diagram read(byte[] bpmn) {
		if (bpmn == null || bpmn.length == 0) {
			throw ProblemException.invalid("file", "process.bpmn.empty");
		}
		if (bpmn.length > MAX_BYTES) {
			throw tooLarge();
		}
		checkPrologue(bpmn);
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
		}
		catch (RuntimeException e) {
			throw ProblemException.invalid("file", "process.bpmn.invalid", reason(e));
		}
		return steps(model);
	}

	public static ProblemException tooLarge() {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "process.bpmn.tooLarge",
				List.of(new ProblemException.FieldProblem("file", "process.bpmn.tooLarge", MAX_BYTES / (1024 * 1024))),
				MAX_BYTES / (1024 * 1024));
	}

	/**
	 * Reads the file with a StAX parser that supports no DTD and no external entity, up to its root
	 * element: a DOCTYPE is refused outright, and so is XML that is not well formed or not BPMN.
	 */
	private static void checkPrologue(byte[] bpmn) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(bpmn));
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.DTD) {
					throw ProblemException.invalid("file", "process.bpmn.doctype");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (!"definitions".equals(reader.getLocalName()) || !BPMN_MODEL.equals(reader.getNamespaceURI())) {
						throw ProblemException.invalid("file", "process.bpmn.notBpmn");
					}
					return;
				}
			}
			throw ProblemException.invalid("file", "process.bpmn.notXml");
		}
		catch (XMLStreamException e) {
			throw ProblemException.invalid("file", "process.bpmn.notXml");
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException e) {
					// nothing was opened that needs closing
				}
			}
		}
	}

	/** The innermost cause's message, which says where the file breaks the schema (line and column). */
	private static String reason(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
		if (cause instanceof org.xml.sax.SAXParseException parse) {
			message = "line " + parse.getLineNumber() + ", column " + parse.getColumnNumber() + ": " + message;
		}
		message = message == null ? "" : message.strip().replaceFirst("^Error: URI=\\S+ Line=(\\d+): ", "line $1: ");
		return message.length() > 300 ? message.substring(0, 300) + "…" : message;
	}

	private static Diagram steps(BpmnModelInstance model) {
		Collection<BpmnDiagram> diagrams = model.getModelElementsByType(BpmnDiagram.class);
		List<FlowNode> nodes = new ArrayList<>();
		// in document order, sub-processes' nodes right after the sub-process
		model.getDefinitions()
			.getRootElements()
			.stream()
			.filter(Process.class::isInstance)
			.forEach(process -> collect(((Process) process).getFlowElements(), nodes));
		if (diagrams.isEmpty() || model.getModelElementsByType(BpmnShape.class).isEmpty() && !nodes.isEmpty()) {
			throw ProblemException.invalid("file", "process.bpmn.noDiagram");
		}
		if (nodes.size() > MAX_STEPS) {
			throw ProblemException.invalid("file", "process.bpmn.tooManySteps", MAX_STEPS);
		}
		Map<String, String> laneOf = new HashMap<>();
		Collection<Lane> lanes = model.getModelElementsByType(Lane.class);
		// outer lanes first, so that a node in a nested lane ends up with the innermost one
		lanes.stream()
			.sorted(java.util.Comparator.comparingInt(BpmnReader::depth))
			.forEach(lane -> lane.getFlowNodeRefs().forEach(node -> laneOf.put(node.getId(), clean(lane.getName()))));
		Map<String, String> poolOf = new HashMap<>();
		Collection<Participant> participants = model.getModelElementsByType(Participant.class);
		participants.forEach(p -> {
			if (p.getProcess() != null) {
				poolOf.put(p.getProcess().getId(), clean(p.getName()));
			}
		});
		Map<String, Step> steps = new LinkedHashMap<>();
		int position = 0;
		for (FlowNode node : nodes) {
			String id = node.getId();
			if (id == null || id.length() > ID_MAX) {
				throw ProblemException.invalid("file", "process.bpmn.badId", ID_MAX);
			}
			String lane = null;
			String pool = null;
			// a node inside a sub-process is in the lane of the outermost node that a lane names
			for (ModelElementInstance at = node; at != null; at = at.getParentElement()) {
				if (lane == null && at instanceof FlowNode flowNode) {
					lane = laneOf.get(flowNode.getId());
				}
				if (at instanceof Process process) {
					pool = poolOf.get(process.getId());
					break;
				}
			}
			String name = clean(node.getName());
			if (name != null && name.length() > NAME_MAX) {
				name = name.substring(0, NAME_MAX);
			}
			steps.put(id, new Step(id, name, node.getElementType().getTypeName(), lane, pool, position++));
		}
		return new Diagram(new ArrayList<>(steps.values()), participants.size(), lanes.size());
	}

	private static void collect(Collection<org.camunda.bpm.model.bpmn.instance.FlowElement> elements,
			List<FlowNode> nodes) {
		for (org.camunda.bpm.model.bpmn.instance.FlowElement element : elements) {
			if (element instanceof FlowNode node) {
				nodes.add(node);
			}
			if (element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub) {
				collect(sub.getFlowElements(), nodes);
			}
		}
	}

	private static int depth(Lane lane) {
		int depth = 0;
		for (ModelElementInstance at = lane.getParentElement(); at != null; at = at.getParentElement()) {
			depth++;
		}
		return depth;
	}

	/** Names as modelers write them, with line breaks and runs of spaces made single spaces. */
	static String clean(String name) {
		if (name == null) {
			return null;
		}
		String cleaned = name.replaceAll("\\s+", " ").strip();
		return cleaned.isEmpty() ? null : cleaned;
	}
}
