package vn.thidua.command.cluster;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.thidua.command.support.AcceptableInputInterceptor;
import vn.thidua.command.testsupport.Fixtures;
import vn.thidua.domain.cluster.ClusterRegistered;
import vn.thidua.domain.cluster.RegisterCluster;
import vn.thidua.domain.shared.UnitRef;

import java.util.List;

import static vn.thidua.command.testsupport.Refusals.assertRefused;
import static vn.thidua.command.testsupport.Refusals.invalid;
import static vn.thidua.command.testsupport.SampleCampaign.CLUSTER;
import static vn.thidua.command.testsupport.SampleCampaign.HEAD;
import static vn.thidua.command.testsupport.SampleCampaign.MEMBERS;

@DisplayName("Cluster: a member's name with a control or invisible character is refused")
class ClusterInputTest {
    private AggregateTestFixture<Cluster> fixture;

    @BeforeEach
    void setUp() {
        fixture = Fixtures.of(Cluster.class);
        fixture.registerCommandHandlerInterceptor(new AcceptableInputInterceptor());
    }

    @Test
    void aNulInAMembersNameIsRefusedNamingTheMember() {
        List<UnitRef> members = new java.util.ArrayList<>(MEMBERS);
        UnitRef second = members.get(1);
        members.set(1, new UnitRef(second.code(), second.name() + "\u0000", second.kind()));
        assertRefused(fixture, new RegisterCluster(CLUSTER, "Cụm thi đua số II", members, HEAD),
                invalid("members[1].name"));
    }

    @Test
    void aZeroWidthSpaceInTheClusterNameIsRefused() {
        assertRefused(fixture, new RegisterCluster(CLUSTER, "Cụm thi đua\u200B số II", MEMBERS, HEAD), invalid("name"));
    }

    @Test
    void aCleanClusterIsRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCluster(CLUSTER, "Cụm thi đua số II", MEMBERS, HEAD))
                .expectEvents(new ClusterRegistered(CLUSTER, "Cụm thi đua số II", MEMBERS, HEAD));
    }
}
