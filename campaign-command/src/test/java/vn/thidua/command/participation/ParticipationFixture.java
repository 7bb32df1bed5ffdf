package vn.thidua.command.participation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.thidua.command.support.AcceptableInputInterceptor;
import vn.thidua.command.support.StreamTargetResolver;
import vn.thidua.command.testsupport.FakeLookups;
import vn.thidua.command.testsupport.MutableClock;
import vn.thidua.domain.campaign.CampaignTerms;
import vn.thidua.domain.shared.StreamIds;

import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;

/**
 * A Participation fixture wired as the application wires it: commands routed by stream id, the campaign's
 * terms and the clock injected into the handlers. Tests change {@link #campaigns} and {@link #clock} before
 * dispatching.
 */
final class ParticipationFixture {
    final FakeLookups campaigns = new FakeLookups();
    final MutableClock clock;
    final AggregateTestFixture<Participation> fixture = new AggregateTestFixture<>(Participation.class);

    ParticipationFixture(CampaignTerms terms, String vietnamTime) {
        campaigns.with(terms);
        clock = MutableClock.atVietnamTime(vietnamTime);
        fixture.registerCommandTargetResolver(new StreamTargetResolver());
        fixture.registerCommandHandlerInterceptor(new AcceptableInputInterceptor());
        fixture.registerInjectableResource(campaigns);
        fixture.registerInjectableResource(clock);
    }

    static String participationId(String unit) {
        return StreamIds.participation(CAMPAIGN, unit);
    }
}
