package vn.thidua.command.cluster;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.thidua.command.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.domain.shared.UnitRef;

import java.util.List;

import static vn.thidua.command.testsupport.Refusals.assertRefused;
import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.Refusals.violates;
import static vn.thidua.command.testsupport.SampleCampaign.CLUSTER;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.MEMBERS;
import static vn.thidua.command.testsupport.SampleCampaign.OUTSIDER;

@DisplayName("Cluster: registration of a cụm thi đua with its members and head")
class ClusterTest {
    private static final String NAME = "Cụm thi đua số II";

    private AggregateTestFixture<Cluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.of(Cluster.class);
    }

    private static RegisterCluster register(List<UnitRef> members, String head) {
        return new RegisterCluster(CLUSTER, NAME, members, head);
    }

    @Test
    void registersAClusterWithUniqueMemberCodes() {
        fixture.givenNoPriorActivity()
                .when(register(MEMBERS, HEAD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ClusterRegistered(CLUSTER, NAME, MEMBERS, HEAD));
    }

    @Test
    void registersAClusterWithoutAHeadYet() {
        fixture.givenNoPriorActivity()
                .when(register(MEMBERS, null))
                .expectEvents(new ClusterRegistered(CLUSTER, NAME, MEMBERS, null));
    }

    @Test
    void refusesDuplicateMemberCodes() {
        List<UnitRef> twice = List.of(MEMBERS.get(0), MEMBERS.get(1), new UnitRef("U2", "Huyện Yên Định", "DISTRICT"));
        fixture.givenNoPriorActivity()
                .when(register(twice, HEAD))
                .expectException(RuleViolation.class)
                .expectException(violates("cluster.duplicate-member"))
                .expectNoEvents();
    }

    @Test
    void refusesAHeadThatIsNotAMember() {
        assertRefused(fixture, register(MEMBERS, OUTSIDER), violates("cluster.head-not-member"));
    }

    @Test
    void identicalReRegistrationRecordsNothing() {
        fixture.given(new ClusterRegistered(CLUSTER, NAME, MEMBERS, HEAD))
                .when(register(MEMBERS, HEAD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void differentReRegistrationIsRefused() {
        fixture.given(new ClusterRegistered(CLUSTER, NAME, MEMBERS, HEAD))
                .when(register(MEMBERS.subList(0, 2), HEAD))
                .expectException(violates("cluster.exists"))
                .expectNoEvents();
    }

    @Test
    void reRegistrationWithAnotherHeadIsRefused() {
        fixture.given(new ClusterRegistered(CLUSTER, NAME, MEMBERS, HEAD))
                .when(register(MEMBERS, "U2"))
                .expectException(violates("cluster.exists"))
                .expectNoEvents();
    }

    @Test
    void anInvalidClusterCodeIsInvalidInput() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCluster("cụm II", NAME, MEMBERS, HEAD))
                .expectException(InvalidValue.class)
                .expectException(invalid("code"))
                .expectNoEvents();
    }

    @Test
    void anInvalidMemberCodeIsInvalidInput() {
        List<UnitRef> bad = List.of(MEMBERS.get(0), new UnitRef("Đông Sơn", "Huyện Đông Sơn", "DISTRICT"));
        assertRefused(fixture, register(bad, HEAD), invalid("members[1].code"));
    }

    @Test
    void aClusterWithoutMembersIsRefused() {
        assertRefused(fixture, register(List.of(), null), violates("cluster.no-members"));
    }
}
