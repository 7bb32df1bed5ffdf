package vn.thidua.web.api;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Terms are remembered from the controller's read to the command's decision, within one HTTP request only. */
class RequestCampaignTermsTest {
    private final List<String> storeReads = new ArrayList<>();
    private final Map<String, CampaignTerms> stored = new java.util.HashMap<>(Map.of("c1", terms("c1", false)));
    private final CampaignTermsLookup store = id -> {
        storeReads.add(id);
        return Optional.ofNullable(stored.get(id));
    };
    private final RequestCampaignTerms lookup = new RequestCampaignTerms(store);

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void withinARequestTheStoreIsAskedOnceUntilACommandIsHandled() {
        inRequest();
        assertThat(lookup.require("c1").closed()).isFalse();
        stored.put("c1", terms("c1", true));
        assertThat(lookup.require("c1").closed()).as("the handler's read, before it decides").isFalse();
        assertThat(storeReads).containsExactly("c1");

        RequestCampaignTerms.forgetInThisRequest();

        assertThat(lookup.require("c1").closed()).as("after the command, what it recorded").isTrue();
        assertThat(storeReads).containsExactly("c1", "c1");
    }

    @Test
    void eachRequestReadsForItself() {
        inRequest();
        lookup.find("c1");
        inRequest();
        lookup.find("c1");
        assertThat(storeReads).containsExactly("c1", "c1");
    }

    @Test
    void outsideARequestEveryCallReadsThrough() {
        lookup.find("c1");
        lookup.find("c1");
        assertThat(storeReads).containsExactly("c1", "c1");
    }

    @Test
    void anUnknownCampaignIsNotRemembered() {
        inRequest();
        assertThat(lookup.find("c2")).isEmpty();
        stored.put("c2", terms("c2", false));
        assertThat(lookup.find("c2")).isPresent();
        assertThat(storeReads).containsExactly("c2", "c2");
    }

    private static void inRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    private static CampaignTerms terms(String id, boolean closed) {
        return new CampaignTerms(id, "CL", 2026, "title", "HEAD", List.of(), LocalDate.of(2026, 3, 1), List.of(),
                List.of(), null, List.of(), closed);
    }
}
