package vn.thidua.web.documents;

import java.util.List;

/**
 * A commendation's dossier as it stands at {@code position}: the components that exist (each as PDF, and the
 * ones officers edit also as DOCX) and those still pending, with why. A component is listed as available only
 * when the events it is made from are recorded.
 */
public record Dossier(String commendationId, long position, List<Component> components, List<Pending> pending) {

    public Dossier {
        components = List.copyOf(components);
        pending = List.copyOf(pending);
    }

    public record Component(DossierKind kind, String title, String mediaType, String href, String fileName) {
    }

    public record Pending(DossierKind kind, String title, String reason) {
    }
}
