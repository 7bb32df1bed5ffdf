package vn.thidua.command.testsupport;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.thidua.command.campaign.Campaign;
import vn.thidua.command.support.StreamTargetResolver;

/** Aggregate test fixtures that route each command to its stream as the application does. */
public final class Fixtures {
    /** The campaign fixture's today (Vietnam time): the year after the sample campaign's. */
    public static final String TODAY = "2026-01-20T09:00";

    private Fixtures() {
    }

    public static <T> AggregateTestFixture<T> of(Class<T> aggregateType) {
        AggregateTestFixture<T> fixture = new AggregateTestFixture<>(aggregateType);
        fixture.registerCommandTargetResolver(new StreamTargetResolver());
        return fixture;
    }

    /** The campaign aggregate, its launches looking up the sample cluster. */
    public static AggregateTestFixture<Campaign> campaign() {
        AggregateTestFixture<Campaign> fixture = of(Campaign.class);
        fixture.registerInjectableResource(new FakeLookups().with(SampleCampaign.cluster()));
        fixture.registerInjectableResource(MutableClock.atVietnamTime(TODAY));
        return fixture;
    }
}
