package org.cms.partnerships.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

/** How values from forms and REST clients are read and refused, without an engine. */
class FormInputTest {

    enum Decision { APPROVED, CHANGES_REQUIRED }

    static final ProcessVariable<Decision> DECISION = ProcessVariable.choice("sampleDecision", Decision.class).labelled("legal decision");
    static final ProcessVariable<String> COMMENTS = ProcessVariable.text("sampleComments").labelled("comments");
    static final ProcessVariable<LocalDate> SIGNED_ON = ProcessVariable.date("sampleSignedOn").labelled("date of signature");
    static final ProcessVariable<Integer> MEETING = ProcessVariable.integer("sampleMeeting").labelled("meeting number");
    static final ProcessVariable<Boolean> FUNDED = ProcessVariable.bool("sampleFunded").labelled("funding answer");
    static final ProcessVariable<List<String>> FAMILY = ProcessVariable.textList("sampleInstruments");

    @Test
    void valuesAsFormsAndClientsSendThemReadAsTheirType() {
        assertThat(DECISION.read("CHANGES_REQUIRED")).isEqualTo(Decision.CHANGES_REQUIRED);
        assertThat(SIGNED_ON.read("2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(SIGNED_ON.read("2026-12-01T00:00:00")).as("a date-time from a form").isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(SIGNED_ON.read(Date.from(RegisterClock.at(LocalDate.of(2026, 12, 1), java.time.LocalTime.NOON).toInstant())))
                .isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(MEETING.read(45.0)).as("Camunda Forms send numbers as doubles").isEqualTo(45);
        assertThat(MEETING.read("45")).isEqualTo(45);
        assertThat(FUNDED.read("yes")).isTrue();
        assertThat(FUNDED.read(false)).isFalse();
        assertThat(FAMILY.read(Spin.JSON("[\"AEWA\", \"EUROBATS\"]"))).as("a checklist").containsExactly("AEWA", "EUROBATS");
        assertThat(FAMILY.read("AEWA, EUROBATS")).containsExactly("AEWA", "EUROBATS");
        assertThat(COMMENTS.read("   ")).as("blank is not given").isNull();
    }

    @Test
    void valuesAreKeptAsTasklistsFormsReadThem() {
        Map<String, Object> variables = new HashMap<>();
        DECISION.putIn(variables, Decision.APPROVED);
        SIGNED_ON.putIn(variables, LocalDate.of(2026, 12, 1));
        FAMILY.putIn(variables, List.of("AEWA"));
        assertThat(variables).containsEntry("sampleDecision", "APPROVED").containsEntry("sampleSignedOn", "2026-12-01");
        assertThat(variables.get("sampleInstruments")).isInstanceOf(ArrayList.class);
    }

    @Test
    void everyProblemIsReportedAtOnceInPlainWords() {
        FormInput input = FormInput.of(Map.of("sampleDecision", "MAYBE", "sampleSignedOn", "1 December", "sampleMeeting", "forty-five",
                "sampleComments", "ok"));
        input.required(DECISION);
        input.required(SIGNED_ON);
        input.required(MEETING);
        input.text(COMMENTS, 10);
        input.required(FUNDED);

        assertThat(input.problems()).containsExactly(
                "The legal decision 'MAYBE' is not one of APPROVED, CHANGES_REQUIRED",
                "The date of signature '1 December' is not a date (YYYY-MM-DD)",
                "The meeting number 'forty-five' is not a number",
                "The comments must have at least 10 characters",
                "The funding answer is required");
        assertThatThrownBy(input::throwIfInvalid).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems()).hasSize(5));
    }

    @Test
    void aCheckAddsItsSentenceOnlyWhenItFails() {
        FormInput input = FormInput.of(Map.of("sampleDecision", "CHANGES_REQUIRED"));
        Decision decision = input.required(DECISION);
        String comments = input.optionalText(COMMENTS);
        input.check(decision != Decision.CHANGES_REQUIRED || comments.length() >= 10, "Say which changes are required");
        input.check(true, "never shown");
        assertThat(input.problems()).containsExactly("Say which changes are required");
        assertThat(FormInput.of(Map.of("sampleDecision", "APPROVED")).isValid()).isTrue();
    }

    @Test
    void aMissingValueTheProcessGuaranteesIsAModellingErrorNotARefusal() {
        VariableScope scope = Mockito.mock(VariableScope.class);
        assertThatThrownBy(() -> DECISION.from(scope)).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(InvalidInputException.class).hasMessage("Process variable 'sampleDecision' is not set");
        assertThat(DECISION.orNull(scope)).isNull();
        assertThat(ProcessVariable.text("sampleDeadlineAt").label()).as("the label until one is given")
                .isEqualTo("sample deadline at");
    }
}
