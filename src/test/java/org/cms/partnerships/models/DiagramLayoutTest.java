package org.cms.partnerships.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every diagram in processes/ reads at 100% zoom (see {@link DiagramLayout}), and the check itself works. */
class DiagramLayoutTest {

    static List<Path> models() throws IOException {
        return ModelConsistency.files(Path.of("processes"), ".bpmn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void theDiagramIsCompactAndReadable(Path bpmn) throws IOException {
        DiagramLayout check = new DiagramLayout();
        check.addModel(bpmn.getFileName().toString(), bpmn);
        assertThat(check.problems()).isEmpty();
    }

    // The checker on small diagrams. CLEAN: start -> "Review" -> "Approved?" -> "Yes" -> end "Approved",
    // and "No" straight down to end "Declined"; gateway label above, flow labels beside their lines.

    static final String CLEAN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
              <bpmn:process id="p" isExecutable="false">
                <bpmn:startEvent id="startEvent" name="Proposal received" />
                <bpmn:userTask id="task_review" name="Review" />
                <bpmn:exclusiveGateway id="gateway_decision" name="Approved?" />
                <bpmn:endEvent id="endEvent_approved" name="Approved" />
                <bpmn:endEvent id="endEvent_declined" name="Declined" />
                <bpmn:sequenceFlow id="flow_toReview" sourceRef="startEvent" targetRef="task_review" />
                <bpmn:sequenceFlow id="flow_toDecision" sourceRef="task_review" targetRef="gateway_decision" />
                <bpmn:sequenceFlow id="flow_yes" name="Yes" sourceRef="gateway_decision" targetRef="endEvent_approved" />
                <bpmn:sequenceFlow id="flow_no" name="No" sourceRef="gateway_decision" targetRef="endEvent_declined" />
              </bpmn:process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="p">
                  <bpmndi:BPMNShape id="s1" bpmnElement="startEvent">
                    <dc:Bounds x="100" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="90" y="143" width="56" height="27" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s2" bpmnElement="task_review">
                    <dc:Bounds x="200" y="78" width="100" height="80" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s3" bpmnElement="gateway_decision" isMarkerVisible="true">
                    <dc:Bounds x="350" y="93" width="50" height="50" />
                    <bpmndi:BPMNLabel><dc:Bounds x="350" y="70" width="50" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s4" bpmnElement="endEvent_approved">
                    <dc:Bounds x="482" y="100" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="470" y="143" width="60" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s5" bpmnElement="endEvent_declined">
                    <dc:Bounds x="357" y="232" width="36" height="36" />
                    <bpmndi:BPMNLabel><dc:Bounds x="345" y="275" width="60" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="e1" bpmnElement="flow_toReview">
                    <di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" />
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e2" bpmnElement="flow_toDecision">
                    <di:waypoint x="300" y="118" /><di:waypoint x="350" y="118" />
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e3" bpmnElement="flow_yes">
                    <di:waypoint x="400" y="118" /><di:waypoint x="482" y="118" />
                    <bpmndi:BPMNLabel><dc:Bounds x="420" y="100" width="20" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e4" bpmnElement="flow_no">
                    <di:waypoint x="375" y="143" /><di:waypoint x="375" y="232" />
                    <bpmndi:BPMNLabel><dc:Bounds x="380" y="180" width="20" height="14" /></bpmndi:BPMNLabel>
                  </bpmndi:BPMNEdge>
                  <!--extra-edges-->
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    static final String GATEWAY_LABEL = "<dc:Bounds x=\"350\" y=\"70\" width=\"50\" height=\"14\" />";

    @Test
    void aCleanDiagramHasNoProblem() {
        assertThat(problems(CLEAN)).isEmpty();
    }

    @Test
    void aDiagramWiderOrHigherThanTwoScreensIsTooLarge() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"482\" y=\"100\"", "<dc:Bounds x=\"3000\" y=\"100\"")))
                .containsExactly("test.bpmn: diagram is 2946 × 219 px, more than two screens at 100% zoom (at most 2800 × 1000)");
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"357\" y=\"232\"", "<dc:Bounds x=\"357\" y=\"1200\"")))
                .containsExactly("test.bpmn: diagram is 440 × 1166 px, more than two screens at 100% zoom (at most 2800 × 1000)");
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"482\" y=\"100\"", "<dc:Bounds x=\"2854\" y=\"100\"")))
                .as("exactly 2800 wide").isEmpty();
    }

    @Test
    void labelsMustNotOverlapEachOther() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"380\" y=\"180\" width=\"20\"",
                "<dc:Bounds x=\"360\" y=\"76\" width=\"20\"")))
                .containsExactly("test.bpmn: label of flow_no 'No' overlaps label of gateway_decision 'Approved?'");
    }

    @Test
    void labelsThatOnlyTouchDoNotOverlap() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"380\" y=\"180\" width=\"20\"",
                "<dc:Bounds x=\"400\" y=\"70\" width=\"20\""))).isEmpty();
    }

    @Test
    void aNamedEventGatewayOrFlowNeedsALabelPosition() {
        String xml = CLEAN.replace("<bpmndi:BPMNLabel>" + GATEWAY_LABEL + "</bpmndi:BPMNLabel>", "")
                .replace("<bpmndi:BPMNLabel><dc:Bounds x=\"420\" y=\"100\" width=\"20\" height=\"14\" /></bpmndi:BPMNLabel>", "");
        assertThat(problems(xml)).containsExactlyInAnyOrder(
                "test.bpmn: label of gateway_decision 'Approved?' has no position (no BPMNLabel bounds)",
                "test.bpmn: label of flow_yes 'Yes' has no position (no BPMNLabel bounds)");
    }

    @Test
    void aTaskCarriesItsNameInsideAndNeedsNoLabel() {
        assertThat(problems(CLEAN.replace("name=\"Review\"", "name=\"A long name for the review of the proposal\"")))
                .isEmpty();
    }

    @Test
    void anExternalLabelMustNotCoverAnotherShape() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"470\" y=\"143\"", "<dc:Bounds x=\"210\" y=\"140\"")))
                .containsExactly("test.bpmn: label of endEvent_approved 'Approved' overlaps the shape of task_review");
    }

    @Test
    void aGatewayLabelPrintedOnTheLineOfItsOwnOutgoingFlowIsCaught() {
        // "Approved?" moved onto the "No" line, which leaves the gateway (the partner-decision case).
        assertThat(problems(CLEAN.replace(GATEWAY_LABEL, "<dc:Bounds x=\"345\" y=\"150\" width=\"60\" height=\"27\" />")))
                .containsExactly("test.bpmn: label of gateway_decision 'Approved?' overlaps flow flow_no");
    }

    @Test
    void aFlowLabelMustNotSitOnAnotherFlow() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"420\" y=\"100\" width=\"20\"",
                "<dc:Bounds x=\"360\" y=\"200\" width=\"20\"")))
                .containsExactly("test.bpmn: label of flow_yes 'Yes' overlaps flow flow_no");
    }

    @Test
    void aFlowLabelMayTouchItsOwnLine() {
        assertThat(problems(CLEAN.replace("<dc:Bounds x=\"380\" y=\"180\" width=\"20\"",
                "<dc:Bounds x=\"365\" y=\"180\" width=\"20\""))).isEmpty();
    }

    @Test
    void aFlowMustNotCrossAShape() {
        String straight = CLEAN
                .replace("<bpmn:sequenceFlow id=\"flow_toReview\"",
                        "<bpmn:sequenceFlow id=\"flow_skip\" sourceRef=\"startEvent\" targetRef=\"endEvent_approved\" />"
                                + "<bpmn:sequenceFlow id=\"flow_toReview\"")
                .replace("<!--extra-edges-->", """
                        <bpmndi:BPMNEdge id="e5" bpmnElement="flow_skip">
                          <di:waypoint x="136" y="118" /><di:waypoint x="482" y="118" />
                        </bpmndi:BPMNEdge>""");
        assertThat(problems(straight)).containsExactly(
                "test.bpmn: flow flow_skip crosses the shape of task_review",
                "test.bpmn: flow flow_skip crosses the shape of gateway_decision");
        String detour = straight.replace("<di:waypoint x=\"136\" y=\"118\" /><di:waypoint x=\"482\" y=\"118\" />",
                "<di:waypoint x=\"118\" y=\"100\" /><di:waypoint x=\"118\" y=\"40\" /><di:waypoint x=\"500\" y=\"40\" />"
                        + "<di:waypoint x=\"500\" y=\"100\" />");
        assertThat(problems(detour)).isEmpty();
    }

    @Test
    void aFlowMayLeaveABoundaryEventThroughItsHostBorderButNotCrossTheHost() {
        String onBottomBorder = CLEAN
                .replace("<bpmn:endEvent id=\"endEvent_approved\"", """
                        <bpmn:boundaryEvent id="boundaryEvent_timeout" attachedToRef="task_review" />
                        <bpmn:endEvent id="endEvent_timedOut" />
                        <bpmn:sequenceFlow id="flow_timeout" sourceRef="boundaryEvent_timeout" targetRef="endEvent_timedOut" />
                        <bpmn:endEvent id="endEvent_approved\"""")
                .replace("<!--extra-edges-->", """
                        <bpmndi:BPMNShape id="s6" bpmnElement="boundaryEvent_timeout">
                          <dc:Bounds x="232" y="140" width="36" height="36" />
                        </bpmndi:BPMNShape>
                        <bpmndi:BPMNShape id="s7" bpmnElement="endEvent_timedOut">
                          <dc:Bounds x="232" y="300" width="36" height="36" />
                        </bpmndi:BPMNShape>
                        <bpmndi:BPMNEdge id="e6" bpmnElement="flow_timeout">
                          <di:waypoint x="250" y="142" /><di:waypoint x="250" y="300" />
                        </bpmndi:BPMNEdge>""");
        assertThat(problems(onBottomBorder)).isEmpty();
        String onTopBorder = onBottomBorder.replace("<dc:Bounds x=\"232\" y=\"140\"", "<dc:Bounds x=\"232\" y=\"60\"")
                .replace("<di:waypoint x=\"250\" y=\"142\" />", "<di:waypoint x=\"250\" y=\"96\" />");
        assertThat(problems(onTopBorder)).containsExactly("test.bpmn: flow flow_timeout crosses the shape of task_review");
    }

    static final String SUB_PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="d" targetNamespace="t">
              <bpmn:process id="p" isExecutable="false">
                <bpmn:startEvent id="startEvent" />
                <bpmn:subProcess id="subProcess_inner">
                  <bpmn:startEvent id="startEvent_inner" />
                  <bpmn:userTask id="task_inner" name="Inner" />
                  <bpmn:endEvent id="endEvent_inner" />
                  <bpmn:sequenceFlow id="flow_in1" sourceRef="startEvent_inner" targetRef="task_inner" />
                  <bpmn:sequenceFlow id="flow_in2" sourceRef="task_inner" targetRef="endEvent_inner" />
                </bpmn:subProcess>
                <bpmn:endEvent id="endEvent" />
                <bpmn:sequenceFlow id="flow_toSub" sourceRef="startEvent" targetRef="subProcess_inner" />
                <bpmn:sequenceFlow id="flow_fromSub" sourceRef="subProcess_inner" targetRef="endEvent" />
                <!--extra-flows-->
              </bpmn:process>
              <bpmndi:BPMNDiagram id="diagram">
                <bpmndi:BPMNPlane id="plane" bpmnElement="p">
                  <bpmndi:BPMNShape id="s1" bpmnElement="startEvent"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s2" bpmnElement="subProcess_inner" isExpanded="true">
                    <dc:Bounds x="200" y="50" width="300" height="150" />
                  </bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s3" bpmnElement="startEvent_inner"><dc:Bounds x="220" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s4" bpmnElement="task_inner"><dc:Bounds x="300" y="78" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s5" bpmnElement="endEvent_inner"><dc:Bounds x="440" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="s6" bpmnElement="endEvent"><dc:Bounds x="582" y="100" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="e1" bpmnElement="flow_in1"><di:waypoint x="256" y="118" /><di:waypoint x="300" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e2" bpmnElement="flow_in2"><di:waypoint x="400" y="118" /><di:waypoint x="440" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e3" bpmnElement="flow_toSub"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="e4" bpmnElement="flow_fromSub"><di:waypoint x="500" y="118" /><di:waypoint x="582" y="118" /></bpmndi:BPMNEdge>
                  <!--extra-edges-->
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    @Test
    void flowsInsideAnExpandedSubProcessDoNotCrossItButFlowsOutsideDo() {
        assertThat(problems(SUB_PROCESS)).isEmpty();
        String bypass = SUB_PROCESS
                .replace("<!--extra-flows-->", "<bpmn:sequenceFlow id=\"flow_bypass\" sourceRef=\"startEvent\" targetRef=\"endEvent\" />")
                .replace("<!--extra-edges-->", "<bpmndi:BPMNEdge id=\"e5\" bpmnElement=\"flow_bypass\">"
                        + "<di:waypoint x=\"118\" y=\"136\" /><di:waypoint x=\"118\" y=\"180\" /><di:waypoint x=\"600\" y=\"180\" />"
                        + "<di:waypoint x=\"600\" y=\"136\" /></bpmndi:BPMNEdge>");
        assertThat(problems(bypass)).containsExactly("test.bpmn: flow flow_bypass crosses the shape of subProcess_inner");
    }

    @Test
    void everyFlowNodeAndFlowIsDrawn() {
        String xml = CLEAN.replaceAll("(?s)<bpmndi:BPMNShape id=\"s5\".*?</bpmndi:BPMNShape>", "")
                .replaceAll("(?s)<bpmndi:BPMNEdge id=\"e4\".*?</bpmndi:BPMNEdge>", "");
        assertThat(problems(xml)).containsExactly(
                "test.bpmn: endEvent endEvent_declined has no diagram shape",
                "test.bpmn: sequence flow flow_no has no diagram edge");
    }

    private static List<String> problems(String xml) {
        DiagramLayout check = new DiagramLayout();
        check.addModel("test.bpmn", xml);
        return check.problems();
    }
}
