package vn.thidua.command.support;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.thidua.domain.campaign.CampaignClosed;
import vn.thidua.domain.campaign.ScoringMethod;
import vn.thidua.domain.campaign.ScoringRules;
import vn.thidua.domain.campaign.ScoringRulesPublished;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.thidua.command.testsupport.SampleCampaign.CAMPAIGN;
import static vn.thidua.command.testsupport.SampleCampaign.sample;

class EventStoreLookupsTest {
    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AtomicInteger headChecks = new AtomicInteger();
    private final EventStoreLookups lookups = new EventStoreLookups(store, stream -> {
        headChecks.incrementAndGet();
        return store.lastSequenceNumberFor(stream);
    });
    private long sequence;

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    private void append(Object event) {
        store.publish(new GenericDomainEventMessage<>("Campaign", StreamIds.campaign(CAMPAIGN), sequence++, event));
    }

    private static ScoringRules rules(int version) {
        return new ScoringRules(version, ScoringMethod.LEADER_INTERPOLATED, null, new BigDecimal("0.5"),
                BigDecimal.ONE, new BigDecimal("2"));
    }

    @Test
    void theTermsFollowEveryEventOfTheCampaignStream() {
        append(sample().launched());
        assertThat(lookups.require(CAMPAIGN).rules()).isEqualTo(sample().launched().scoringRules());

        append(new ScoringRulesPublished(CAMPAIGN, rules(2)));
        assertThat(lookups.require(CAMPAIGN).rules()).isEqualTo(rules(2));

        append(new CampaignClosed(CAMPAIGN));
        assertThat(lookups.require(CAMPAIGN).closed()).isTrue();
        assertThat(headChecks).hasValue(3);
    }

    @Test
    void theDefinitionIsAnsweredFromAnEarlierReadWithoutAskingTheStore() {
        append(sample().launched());
        var first = lookups.require(CAMPAIGN);
        append(new ScoringRulesPublished(CAMPAIGN, rules(2)));
        int checksBefore = headChecks.get();

        var definition = lookups.requireDefinition(CAMPAIGN);

        assertThat(headChecks).hasValue(checksBefore);
        assertThat(definition.indicators()).isEqualTo(first.indicators());
        assertThat(definition.members()).isEqualTo(first.members());
        assertThat(definition.periods()).isEqualTo(first.periods());
        // The rules in force are require's: it sees the new version the cached definition does not carry.
        assertThat(lookups.require(CAMPAIGN).rules()).isEqualTo(rules(2));
    }

    @Test
    void aDefinitionNeverReadBeforeIsReadFromTheStoreAndAnUnknownCampaignIsNotFound() {
        append(sample().launched());

        assertThat(lookups.requireDefinition(CAMPAIGN).indicators()).isNotEmpty();
        assertThat(headChecks).hasValue(1);
        assertThatThrownBy(() -> lookups.requireDefinition("nope")).isInstanceOf(NotFound.class);
        assertThat(lookups.find("nope")).isEqualTo(Optional.empty());
    }
}
