package vn.thidua.web.api;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.domain.campaign.CampaignTerms;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A submission reads its campaign's terms twice on one thread: the controller, to read the body's values and shape
 * the answer, then the command handler, to decide. Between the controller's read and the command's decision the
 * terms are remembered on the HTTP request, so the handler does not ask the event store again; the memory is
 * dropped as soon as a command has been handled ({@link CommandSender}), so anything read after a command sees what
 * it recorded. Outside an HTTP request (processors, the seed, the gateway's retry thread) every call reads through.
 */
public class RequestCampaignTerms implements CampaignTermsLookup {
    private static final String ATTRIBUTE = RequestCampaignTerms.class.getName();

    private final CampaignTermsLookup store;

    public RequestCampaignTerms(CampaignTermsLookup store) {
        this.store = store;
    }

    @Override
    public Optional<CampaignTerms> find(String campaignId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return store.find(campaignId);
        }
        @SuppressWarnings("unchecked")
        Map<String, CampaignTerms> read = (Map<String, CampaignTerms>) request.getAttribute(ATTRIBUTE,
                RequestAttributes.SCOPE_REQUEST);
        CampaignTerms known = read == null ? null : read.get(campaignId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<CampaignTerms> found = store.find(campaignId);
        if (found.isPresent()) {
            if (read == null) {
                read = new HashMap<>();
                request.setAttribute(ATTRIBUTE, read, RequestAttributes.SCOPE_REQUEST);
            }
            read.put(campaignId, found.get());
        }
        return found;
    }

    /** Forgets what this request has read: a command was just handled and may have changed a campaign. */
    static void forgetInThisRequest() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
