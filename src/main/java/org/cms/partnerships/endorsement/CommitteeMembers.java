package org.cms.partnerships.endorsement;

import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.FormValues;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.register.CommitteeMember;
import org.cms.partnerships.register.CommitteeService;
import org.springframework.stereotype.Component;

/** Recognizes a committee member by name (as an objection names them), case and spacing aside. */
@Component
class CommitteeMembers {

    private final CommitteeService committee;

    CommitteeMembers(CommitteeService committee) {
        this.committee = committee;
    }

    Optional<CommitteeMember> serving(String name) {
        String wanted = FormValues.text(name).replaceAll("\\s+", " ");
        return committee.membersServingOn(RegisterClock.today()).stream()
                .filter(m -> m.name().equalsIgnoreCase(wanted)).findFirst();
    }

    /** The member's name as registered, or a problem saying who the members are. */
    String servingMemberNamed(Object name, List<String> problems) {
        String text = FormValues.text(name);
        if (text.isEmpty()) {
            problems.add("The name of the objecting member is required");
            return null;
        }
        return serving(text).map(CommitteeMember::name).orElseGet(() -> {
            problems.add("%s is not a serving member of the Standing Committee".formatted(text));
            return null;
        });
    }
}
