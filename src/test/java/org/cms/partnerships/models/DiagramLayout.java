package org.cms.partnerships.models;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks how a diagram reads in Camunda Modeler, from its DI alone (shape and label bounds, edge
 * waypoints), without drawing it. Returns problems as readable lines; the test fails the build on any.
 *
 * <p>The rules:
 * <ol>
 *   <li><b>Size.</b> The extent of everything drawn (shapes, labels, waypoints) is at most
 *       {@value #MAX_WIDTH} × {@value #MAX_HEIGHT} px, so that the diagram reads at 100% zoom.</li>
 *   <li><b>Labels do not overlap labels or shapes.</b> External labels are those of events,
 *       gateways, data objects and stores, and sequence flows, drawn at their BPMNLabel bounds; one
 *       whose element has a name but no BPMNLabel bounds is a problem ("label has no position"),
 *       since the Modeler then places it wherever it likes. Tasks and collapsed sub-processes carry
 *       their name inside their shape and have no external label. No two external labels overlap;
 *       no external label overlaps a flow node's shape other than its own element's (a boundary
 *       event's label must not cover its host task either). An expanded sub-process, a participant
 *       or a lane only counts when the label straddles its border: a label wholly inside or wholly
 *       outside a container is fine.</li>
 *   <li><b>Labels do not overlap lines.</b> A sequence flow's label does not touch any other sequence
 *       flow's line; its own line is allowed (the Modeler puts it next to the line). The label of an
 *       event or gateway does not touch any sequence flow's line, not even of the flows attached to
 *       that element: a flow leaving a gateway through its label ("Approved?" printed on the
 *       "Declined" line) is exactly what this rule is for.</li>
 *   <li><b>No flow crosses a shape.</b> No segment of a sequence flow passes through a flow node's
 *       shape (shrunk by {@value #SHAPE_TOLERANCE} px, so touching a border is fine) other than the
 *       flow's source and target. Exceptions: an expanded sub-process that contains the flow's source
 *       or target; lanes and participants never count; a flow leaving a boundary event may run
 *       through its host activity as long as it is still within the boundary event's own bounds.</li>
 *   <li><b>Everything is drawn.</b> Every flow node has a shape and every sequence flow an edge.</li>
 * </ol>
 * Overlaps are strict: bounds that only touch along a border do not overlap.
 */
final class DiagramLayout {

    /**
     * Two screens at 100% zoom: Camunda Modeler shows about 1400 × 1000 px of canvas on a common
     * laptop/desktop screen, so a diagram fits two canvases side by side (or one 2800 px wide canvas)
     * and one canvas high. Larger diagrams must be scrolled or zoomed out to be read.
     */
    static final double MAX_WIDTH = 2800;
    static final double MAX_HEIGHT = 1000;
    /** Pixels a flow may enter a shape's border without crossing it (lines end on borders). */
    static final double SHAPE_TOLERANCE = 2;
    /** Pixels two labels, or a label and a line or shape, may share at their borders. */
    static final double LABEL_TOLERANCE = 1;

    private final Map<String, BpmnModelInstance> models = new LinkedHashMap<>();

    static DiagramLayout of(Path processes) throws IOException {
        DiagramLayout check = new DiagramLayout();
        for (Path bpmn : ModelConsistency.files(processes, ".bpmn")) {
            check.addModel(bpmn.getFileName().toString(), bpmn);
        }
        return check;
    }

    void addModel(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            addModel(name, in);
        }
    }

    void addModel(String name, String xml) {
        addModel(name, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    void addModel(String name, InputStream in) {
        models.put(name, Bpmn.readModelFromStream(in));
    }

    List<String> problems() {
        List<String> found = new ArrayList<>();
        models.forEach((name, model) -> new Diagram(name, model).check(found));
        return found;
    }

    /** An axis-aligned rectangle. */
    record Rect(double x, double y, double w, double h) {

        static Rect of(Bounds b) {
            return new Rect(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        Rect shrink(double by) {
            return new Rect(x + by, y + by, Math.max(0, w - 2 * by), Math.max(0, h - 2 * by));
        }

        double right() {
            return x + w;
        }

        double bottom() {
            return y + h;
        }

        boolean overlaps(Rect o) {
            return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
        }

        boolean contains(Rect o) {
            return x <= o.x && y <= o.y && o.right() <= right() && o.bottom() <= bottom();
        }

        /**
         * The part of segment a→b inside this (closed) rectangle, as parameters {t0, t1} of
         * a + t·(b − a) with 0 ≤ t0 ≤ t1 ≤ 1, or null when the segment misses it (Liang–Barsky).
         */
        double[] clip(Point a, Point b) {
            double dx = b.x() - a.x();
            double dy = b.y() - a.y();
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {a.x() - x, right() - a.x(), a.y() - y, bottom() - a.y()};
            double t0 = 0;
            double t1 = 1;
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] < 0) {
                        return null;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                }
            }
            return t0 <= t1 ? new double[] {t0, t1} : null;
        }
    }

    record Point(double x, double y) {}

    /** One external label: its element, the text and where it is drawn. */
    private record Label(BaseElement element, String text, Rect bounds, String plane) {}

    /** One model's diagram. */
    private static final class Diagram {

        private final String file;
        private final BpmnModelInstance model;
        private final Map<String, BpmnShape> shapes = new LinkedHashMap<>();
        private final Map<String, BpmnEdge> edges = new LinkedHashMap<>();
        /**
         * The plane each element is drawn on: a collapsed sub-process opens on a plane of its own
         * (a diagram of its own in Modeler), so only elements of the same plane can overlap.
         */
        private final Map<String, String> planes = new LinkedHashMap<>();

        Diagram(String file, BpmnModelInstance model) {
            this.file = file;
            this.model = model;
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                if (shape.getBpmnElement() != null && shape.getBounds() != null) {
                    shapes.putIfAbsent(shape.getBpmnElement().getId(), shape);
                    planes.putIfAbsent(shape.getBpmnElement().getId(), planeOf(shape));
                }
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                if (edge.getBpmnElement() != null) {
                    edges.putIfAbsent(edge.getBpmnElement().getId(), edge);
                    planes.putIfAbsent(edge.getBpmnElement().getId(), planeOf(edge));
                }
            }
        }

        private static String planeOf(ModelElementInstance drawn) {
            ModelElementInstance parent = drawn.getParentElement();
            return parent instanceof org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane plane ? plane.getId() : "";
        }

        private boolean samePlane(String a, String b) {
            return java.util.Objects.equals(planes.get(a), planes.get(b));
        }

        void check(List<String> found) {
            everythingIsDrawn(found);
            size(found);
            List<Label> labels = labels(found);
            labelsDoNotOverlapLabels(labels, found);
            labelsDoNotOverlapShapes(labels, found);
            labelsDoNotOverlapLines(labels, found);
            flowsDoNotCrossShapes(found);
        }

        private void everythingIsDrawn(List<String> found) {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!shapes.containsKey(node.getId())) {
                    found.add(file + ": " + node.getElementType().getTypeName() + " " + node.getId() + " has no diagram shape");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!edges.containsKey(flow.getId())) {
                    found.add(file + ": sequence flow " + flow.getId() + " has no diagram edge");
                }
            }
        }

        private void size(List<String> found) {
            Map<String, List<Rect>> byPlane = new LinkedHashMap<>();
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                List<Rect> drawn = byPlane.computeIfAbsent(planeOf(shape), p -> new ArrayList<>());
                if (shape.getBounds() != null) {
                    drawn.add(Rect.of(shape.getBounds()));
                }
                labelBounds(shape.getBpmnLabel()).ifPresent(drawn::add);
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                List<Rect> drawn = byPlane.computeIfAbsent(planeOf(edge), p -> new ArrayList<>());
                for (Point p : waypoints(edge)) {
                    drawn.add(new Rect(p.x(), p.y(), 0, 0));
                }
                labelBounds(edge.getBpmnLabel()).ifPresent(drawn::add);
            }
            byPlane.values().forEach(drawn -> size(drawn, found));
        }

        private void size(List<Rect> drawn, List<String> found) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (Rect r : drawn) {
                minX = Math.min(minX, r.x());
                minY = Math.min(minY, r.y());
                maxX = Math.max(maxX, r.right());
                maxY = Math.max(maxY, r.bottom());
            }
            if (drawn.isEmpty()) {
                return;
            }
            double width = maxX - minX;
            double height = maxY - minY;
            if (width > MAX_WIDTH || height > MAX_HEIGHT) {
                found.add(String.format("%s: diagram is %.0f × %.0f px, more than two screens at 100%% zoom (at most %.0f × %.0f)",
                        file, width, height, MAX_WIDTH, MAX_HEIGHT));
            }
        }

        /** The external labels with a position; reports named elements whose label has none. */
        private List<Label> labels(List<String> found) {
            List<Label> labels = new ArrayList<>();
            for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
                if (!hasExternalLabel(element) || element.getName() == null || element.getName().isBlank()) {
                    continue;
                }
                BpmnLabel label = element instanceof SequenceFlow
                        ? (edges.containsKey(element.getId()) ? edges.get(element.getId()).getBpmnLabel() : null)
                        : (shapes.containsKey(element.getId()) ? shapes.get(element.getId()).getBpmnLabel() : null);
                if (!shapes.containsKey(element.getId()) && !edges.containsKey(element.getId())) {
                    continue; // reported as not drawn
                }
                var bounds = labelBounds(label);
                if (bounds.isEmpty()) {
                    found.add(file + ": label of " + element.getId() + " " + quote(element.getName())
                            + " has no position (no BPMNLabel bounds)");
                } else {
                    labels.add(new Label(element, element.getName(), bounds.get(), planes.get(element.getId())));
                }
            }
            labels.sort(java.util.Comparator.comparing(label -> label.element().getId()));
            return labels;
        }

        private void labelsDoNotOverlapLabels(List<Label> labels, List<String> found) {
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    Label a = labels.get(i);
                    Label b = labels.get(j);
                    if (!java.util.Objects.equals(a.plane(), b.plane())) {
                        continue;
                    }
                    if (a.bounds().shrink(LABEL_TOLERANCE).overlaps(b.bounds())) {
                        found.add(file + ": label of " + describe(a) + " overlaps label of " + describe(b));
                    }
                }
            }
        }

        private void labelsDoNotOverlapShapes(List<Label> labels, List<String> found) {
            for (Label label : labels) {
                Rect bounds = label.bounds().shrink(LABEL_TOLERANCE);
                for (BpmnShape shape : shapes.values()) {
                    BaseElement element = shape.getBpmnElement();
                    if (element == label.element() || !(element instanceof FlowNode || isContainer(shape))
                            || !java.util.Objects.equals(label.plane(), planeOf(shape))) {
                        continue;
                    }
                    Rect box = Rect.of(shape.getBounds());
                    boolean overlaps = isContainer(shape)
                            ? box.overlaps(bounds) && !box.contains(label.bounds())
                            : box.overlaps(bounds);
                    if (overlaps) {
                        found.add(file + ": label of " + describe(label) + " overlaps the shape of " + element.getId());
                    }
                }
            }
        }

        private void labelsDoNotOverlapLines(List<Label> labels, List<String> found) {
            for (Label label : labels) {
                Rect bounds = label.bounds().shrink(LABEL_TOLERANCE);
                for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                    if (flow == label.element() || !edges.containsKey(flow.getId())
                            || !java.util.Objects.equals(label.plane(), planes.get(flow.getId()))) {
                        continue;
                    }
                    List<Point> points = waypoints(edges.get(flow.getId()));
                    for (int i = 1; i < points.size(); i++) {
                        if (bounds.clip(points.get(i - 1), points.get(i)) != null) {
                            found.add(file + ": label of " + describe(label) + " overlaps flow " + flow.getId());
                            break;
                        }
                    }
                }
            }
        }

        private void flowsDoNotCrossShapes(List<String> found) {
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                BpmnEdge edge = edges.get(flow.getId());
                if (edge == null) {
                    continue;
                }
                FlowNode source = flow.getSource();
                FlowNode target = flow.getTarget();
                Set<ModelElementInstance> containers = new HashSet<>();
                containers.addAll(ancestors(source));
                containers.addAll(ancestors(target));
                List<Point> points = waypoints(edge);
                for (BpmnShape shape : shapes.values()) {
                    BaseElement element = shape.getBpmnElement();
                    if (!(element instanceof FlowNode) || element == source || element == target
                            || containers.contains(element) || !samePlane(flow.getId(), element.getId())) {
                        continue;
                    }
                    Rect box = Rect.of(shape.getBounds()).shrink(SHAPE_TOLERANCE);
                    for (int i = 1; i < points.size(); i++) {
                        double[] inside = box.clip(points.get(i - 1), points.get(i));
                        if (inside == null || (i == 1 && withinBoundaryEvent(source, element, points, inside))) {
                            continue;
                        }
                        found.add(file + ": flow " + flow.getId() + " crosses the shape of " + element.getId());
                        break;
                    }
                }
            }
        }

        /**
         * Whether the part {@code inside} of a flow's first segment that runs through {@code host} lies
         * within the flow's source, a boundary event attached to that host.
         */
        private boolean withinBoundaryEvent(FlowNode source, BaseElement host, List<Point> points, double[] inside) {
            if (!(source instanceof BoundaryEvent event) || event.getAttachedTo() != host || !shapes.containsKey(event.getId())) {
                return false;
            }
            double[] own = Rect.of(shapes.get(event.getId()).getBounds()).clip(points.get(0), points.get(1));
            return own != null && own[0] <= inside[0] && inside[1] <= own[1];
        }

        private static List<ModelElementInstance> ancestors(FlowNode node) {
            List<ModelElementInstance> ancestors = new ArrayList<>();
            if (node == null) {
                return ancestors;
            }
            for (ModelElementInstance parent = node.getParentElement(); parent != null; parent = parent.getParentElement()) {
                ancestors.add(parent);
            }
            return ancestors;
        }

        private boolean isContainer(BpmnShape shape) {
            BaseElement element = shape.getBpmnElement();
            return element instanceof Participant || element instanceof Lane
                    || (element instanceof SubProcess && shape.isExpanded());
        }

        private static boolean hasExternalLabel(FlowElement element) {
            return element instanceof Event || element instanceof Gateway || element instanceof SequenceFlow
                    || element instanceof DataObjectReference || element instanceof DataStoreReference;
        }

        private static String describe(Label label) {
            return label.element().getId() + " " + quote(label.text());
        }
    }

    private static java.util.Optional<Rect> labelBounds(BpmnLabel label) {
        return label == null || label.getBounds() == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(Rect.of(label.getBounds()));
    }

    private static List<Point> waypoints(BpmnEdge edge) {
        List<Point> points = new ArrayList<>();
        for (Waypoint w : edge.getWaypoints()) {
            points.add(new Point(w.getX(), w.getY()));
        }
        return points;
    }

    private static String quote(String text) {
        return "'" + text.replaceAll("\\s+", " ").trim() + "'";
    }
}
